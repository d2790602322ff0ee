"use server";
import { headers } from "next/headers";
import { parseServerEnv } from "../../../features/config/env.ts";
import { readClientAddress } from "../../../features/identity/client-address.ts";
import { recoverAccount } from "../../../features/identity/recovery.ts";
import { getDb } from "../../../prisma/db.ts";
import { type ActionResult, runAction } from "../../_server/action-result.ts";

/** Sets a new passphrase with the recovery code; the next recovery code comes back to be shown once. */
export async function recoverAction(
  _previous: ActionResult<{ recoveryCode: string }> | null,
  form: FormData,
): Promise<ActionResult<{ recoveryCode: string }>> {
  return runAction(async () =>
    recoverAccount(
      getDb(),
      {
        signInName: form.get("signInName"),
        recoveryCode: form.get("recoveryCode"),
        passphrase: form.get("passphrase"),
        passphraseRepeat: form.get("passphraseRepeat"),
      },
      { secret: parseServerEnv().NEXTAUTH_SECRET, ip: readClientAddress(await headers()) },
    ),
  );
}
