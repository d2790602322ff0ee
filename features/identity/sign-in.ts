import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import type { Keyring } from "../compensation/vault-crypto.ts";
import { AppError } from "../shared/app-error.ts";
import { signInSchema } from "./model.ts";
import { dummyPassphraseHash, verifyPassphrase } from "./passphrase.ts";
import { checkSignInCode } from "./second-factor.ts";
import { createSession } from "./sessions.ts";
import { recordFailure, throttledUntil, throttleKeys } from "./throttle.ts";

export type SignInResult = { accountId: string; sessionId: string };

/**
 * Checks a sign-in and opens a session. Failures are deliberately alike: an unknown name and a
 * wrong passphrase give the same error after the same work, so nobody can probe for accounts.
 * With a second factor, the right passphrase without a code asks for the code; a wrong code counts
 * as a failed sign-in, so codes cannot be guessed either.
 */
export async function signIn(
  db: Db,
  input: { signInName: unknown; passphrase: unknown; code?: unknown; ip: string | null },
  options: { secret: string; now?: () => Date; ring?: Keyring },
): Promise<SignInResult> {
  const now = options.now ?? (() => new Date());
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("SIGN_IN_FAILED");
  const { signInName, passphrase } = parsed.data;
  const keys = throttleKeys(options.secret, signInName, input.ip);

  const until = await throttledUntil(db, keys, now());
  if (until) throw new AppError("SIGN_IN_THROTTLED", { retryAt: until.toISOString() });

  // An erased account answers like no account at all (its hash never verifies either).
  const found = await db.account.findUnique({ where: { signInName }, select: { id: true, passphraseHash: true, erasedAt: true } });
  const account = found && !found.erasedAt ? found : null;
  const ok = await verifyPassphrase(account?.passphraseHash ?? (await dummyPassphraseHash()), passphrase);
  if (!account || !ok) {
    await recordFailure(db, keys, now());
    if (account) await recordAudit(db, { action: "session.sign_in_failed", accountId: account.id }, now());
    throw new AppError("SIGN_IN_FAILED");
  }
  const factor = await checkSignInCode(db, account.id, input.code, { ring: options.ring, now: now() });
  if (factor === "missing") throw new AppError("SIGN_IN_CODE_REQUIRED");
  if (factor === "refused") {
    await recordFailure(db, keys, now());
    await recordAudit(db, { action: "session.second_factor_failed", accountId: account.id }, now());
    throw new AppError("SIGN_IN_CODE_INVALID");
  }
  const sessionId = await createSession(db, account.id, now());
  await recordAudit(db, { action: "session.signed_in", accountId: account.id }, now());
  return { accountId: account.id, sessionId };
}
