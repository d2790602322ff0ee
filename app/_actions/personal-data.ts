"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { parseServerEnv } from "../../features/config/env.ts";
import { readClientAddress } from "../../features/identity/client-address.ts";
import { eraseAccount } from "../../features/identity/erasure.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession } from "../_server/session.ts";

/** next-auth's session cookie, plain or __Secure-, whole or in chunks (".0", ".1", …). */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Erases the signed-in person's account after they confirm with their passphrase. Their sessions
 * are revoked in the same transaction; the cookie of this browser is cleared too, and they land
 * on the home page, signed out, with a notice.
 */
export async function eraseAccountAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=%2Fsettings%2Fdata");
  const result = await runAction(async () => {
    await eraseAccount(getDb(), session.accountId, { passphrase: form.get("passphrase") }, new Date(), {
      secret: parseServerEnv().NEXTAUTH_SECRET,
      ip: readClientAddress(await headers()),
    });
    return null;
  });
  if (!result.ok) return result;
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (!SESSION_COOKIE.test(cookie.name)) continue;
    jar.set(cookie.name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
  }
  redirect("/?erased=1");
}
