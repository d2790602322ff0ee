"use server";
import { cookies, headers } from "next/headers";
import { parseServerEnv } from "../../features/config/env.ts";
import { signUp } from "../../features/identity/accounts.ts";
import { readClientAddress } from "../../features/identity/client-address.ts";
import { declarationForAccepting } from "../../features/tables/chair.ts";
import { acceptInvitation, inspectInvitation } from "../../features/tables/commands.ts";
import { LOCALE_COOKIE, toLocale } from "../../i18n/locales.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { declarationFromForm } from "../_server/chair-declaration.ts";

/**
 * Creates an account; with an invitation token it also places the account at that table.
 * The invitation is checked first, so an unusable link creates nothing.
 */
export async function signUpAction(
  _previous: ActionResult<{ tableId: string | null; recoveryCode: string }> | null,
  form: FormData,
): Promise<ActionResult<{ tableId: string | null; recoveryCode: string }>> {
  const token = String(form.get("invitation") ?? "");
  return runAction(async () => {
    const db = getDb();
    const declaration = declarationFromForm(form);
    // An unusable link, or a chair invitation without a signed declaration, creates nothing.
    if (token) declarationForAccepting((await inspectInvitation(db, token)).role, declaration);
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const account = await signUp(
      db,
      {
        signInName: String(form.get("signInName") ?? ""),
        pseudonym: String(form.get("pseudonym") ?? ""),
        passphrase: String(form.get("passphrase") ?? ""),
        passphraseRepeat: String(form.get("passphraseRepeat") ?? ""),
        locale,
      },
      {
        ip: readClientAddress(await headers()),
        secret: parseServerEnv().NEXTAUTH_SECRET,
        consent: {
          terms: form.get("terms") === "on",
          listed: form.get("listed") === "on",
          attribution: String(form.get("attribution") ?? ""),
        },
      },
    );
    // The recovery code goes back to this one response only, to be shown once.
    if (!token) return { tableId: null, recoveryCode: account.recoveryCode };
    const membership = await acceptInvitation(db, account.id, { token, declaration });
    return { tableId: membership.tableId, recoveryCode: account.recoveryCode };
  });
}
