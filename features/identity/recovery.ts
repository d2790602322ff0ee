// Getting back into an account without email: a recovery code shown once at sign-up (and a new
// one after each use). Only an argon2 hash of it is stored, like a passphrase. Using it sets a new
// passphrase, switches a second factor off and ends every session; failures count as failed
// sign-ins, so the code cannot be guessed, and they look the same whether the name or the code
// was wrong.
import { randomInt } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";
import { PASSPHRASE_MAX, signInSchema } from "./model.ts";
import { dummyPassphraseHash, hashPassphrase, passphraseProblem, verifyPassphrase } from "./passphrase.ts";
import { endSessions } from "./sessions.ts";
import { recordFailure, throttledUntil, throttleKeys } from "./throttle.ts";

// Crockford's base32 without I, L, O and U: nothing to misread when copying it from paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 5;
const GROUP_LENGTH = 4;

/** 20 random characters (100 bits) in groups of four, e.g. "7K3M-Q9TX-2HRD-WB5N-YE8C". */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: GROUPS * GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return Array.from({ length: GROUPS }, (_, i) => chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join("")).join("-");
}

/** The code as typed, compared without case, spaces or dashes. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/** Gives the account a new recovery code, replacing any earlier one, and returns it to show once. */
export async function issueRecoveryCode(db: Db, accountId: string, now = new Date()): Promise<string> {
  const code = newRecoveryCode();
  const recoveryCodeHash = await hashPassphrase(normaliseRecoveryCode(code));
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: accountId }, data: { recoveryCodeHash } });
    await recordAudit(tx, { action: "account.recovery_code_issued", accountId }, now);
  });
  return code;
}

export type RecoveryInput = { signInName: unknown; recoveryCode: unknown; passphrase: unknown; passphraseRepeat: unknown };

/** Sets a new passphrase with the recovery code; returns the next recovery code to show once. */
export async function recoverAccount(
  db: Db,
  input: RecoveryInput,
  options: { secret: string; ip: string | null; now?: Date },
): Promise<{ recoveryCode: string }> {
  const now = options.now ?? new Date();
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const passphrase = text(input.passphrase);
  const problem = passphraseProblem(passphrase);
  if (problem) throw new AppError(problem, { field: "passphrase" });
  if (passphrase !== text(input.passphraseRepeat)) throw new AppError("PASSPHRASE_MISMATCH", { field: "passphraseRepeat" });
  const parsed = signInSchema.safeParse({ signInName: input.signInName, passphrase: "" });
  if (!parsed.success) throw new AppError("RECOVERY_FAILED");
  const keys = throttleKeys(options.secret, parsed.data.signInName, options.ip);
  const until = await throttledUntil(db, keys, now);
  if (until) throw new AppError("SIGN_IN_THROTTLED", { retryAt: until.toISOString() });

  const code = normaliseRecoveryCode(text(input.recoveryCode)).slice(0, PASSPHRASE_MAX);
  const account = await db.account.findUnique({
    where: { signInName: parsed.data.signInName },
    select: { id: true, recoveryCodeHash: true, erasedAt: true },
  });
  // The same work whether or not the account (or its code) exists.
  const ok = await verifyPassphrase(account?.recoveryCodeHash ?? (await dummyPassphraseHash()), code);
  if (!account || !account.recoveryCodeHash || account.erasedAt || !ok) {
    await recordFailure(db, keys, now);
    if (account) await recordAudit(db, { action: "account.recovery_failed", accountId: account.id }, now);
    throw new AppError("RECOVERY_FAILED");
  }
  const next = newRecoveryCode();
  const [passphraseHash, recoveryCodeHash] = [await hashPassphrase(passphrase), await hashPassphrase(normaliseRecoveryCode(next))];
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: account.id }, data: { passphraseHash, recoveryCodeHash } });
    const ended = await endSessions(tx, { accountId: account.id }, now);
    await recordAudit(tx, { action: "account.recovered", accountId: account.id, data: { endedSessions: ended.length } }, now);
    // The code stands in for a lost phone too: the second factor goes. A facilitator or treasurer
    // must set it up again before anything else (no new grace period); for anyone else the due
    // date is cleared at their next page.
    const removed = await tx.secondFactor.deleteMany({ where: { accountId: account.id } });
    if (removed.count > 0) {
      await tx.account.update({ where: { id: account.id }, data: { secondFactorDueAt: now } });
      await recordAudit(tx, { action: "account.second_factor_removed", accountId: account.id, data: { by: "recovery" } }, now);
    }
  });
  return { recoveryCode: next };
}
