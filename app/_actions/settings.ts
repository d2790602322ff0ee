"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { parseServerEnv } from "../../features/config/env.ts";
import { changePassphrase, setPresence } from "../../features/identity/accounts.ts";
import { readClientAddress } from "../../features/identity/client-address.ts";
import { giveConsent, withdrawConsent } from "../../features/identity/consent.ts";
import { endOwnSession } from "../../features/identity/sessions.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession } from "../_server/session.ts";

async function signedIn() {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=%2Fsettings");
  return session;
}

export async function setPresenceAction(enabled: boolean): Promise<void> {
  const session = await signedIn();
  await setPresence(getDb(), session.accountId, enabled === true);
}

export async function changePassphraseAction(
  _previous: ActionResult<{ endedSessions: number }> | null,
  form: FormData,
): Promise<ActionResult<{ endedSessions: number }>> {
  const session = await signedIn();
  const result = await runAction(async () =>
    changePassphrase(
      getDb(),
      session,
      {
        currentPassphrase: form.get("currentPassphrase"),
        passphrase: form.get("passphrase"),
        passphraseRepeat: form.get("passphraseRepeat"),
      },
      { secret: parseServerEnv().NEXTAUTH_SECRET, ip: readClientAddress(await headers()) },
    ),
  );
  if (result.ok) revalidatePath("/settings");
  return result;
}

export async function endSessionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const session = await signedIn();
  const result = await runAction(async () => {
    await endOwnSession(getDb(), session, String(form.get("sessionId") ?? ""), new Date());
    return null;
  });
  if (result.ok) revalidatePath("/settings");
  return result;
}

/** Agrees to, or withdraws, being listed by pseudonym in member lists; both are recorded. */
export async function setListedAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const session = await signedIn();
  const listed = form.get("listed") === "on";
  const result = await runAction(async () => {
    const db = getDb();
    if (listed) await db.$transaction((tx) => giveConsent(tx, session.accountId, "listed_by_pseudonym"));
    else await withdrawConsent(db, session.accountId, "listed_by_pseudonym");
    return null;
  });
  if (result.ok) revalidatePath("/settings");
  return result;
}

/** How the person posts by default where a form lets them choose. */
export async function setAttributionDefaultAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const session = await signedIn();
  const choice = String(form.get("attribution") ?? "");
  const result = await runAction(async () => {
    await getDb().$transaction((tx) => giveConsent(tx, session.accountId, "attribution_default", choice));
    return null;
  });
  if (result.ok) revalidatePath("/settings");
  return result;
}
