import { type Locale, toLocale } from "../../i18n/locales.ts";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError, type FieldProblem } from "../shared/app-error.ts";
import { inputProblems } from "../shared/validation.ts";
import { ATTRIBUTION_DEFAULTS, declineConsent, giveConsent } from "./consent.ts";
import { PASSPHRASE_MAX, type SignUpInput, signUpSchema } from "./model.ts";
import { hashPassphrase, passphraseProblem, verifyPassphrase } from "./passphrase.ts";
import { issueRecoveryCode } from "./recovery.ts";
import { endSessions } from "./sessions.ts";
import { recordFailure, recordSignUp, signUpKey, signUpThrottledUntil, throttledUntil, throttleKeys } from "./throttle.ts";

export type NewAccount = { id: string; pseudonym: string };

/** What is wrong with a new passphrase and its repetition: both problems when both are wrong. */
function newPassphraseProblems(passphrase: string, repeat: string): FieldProblem[] {
  const problem = passphraseProblem(passphrase);
  return [
    ...(problem ? [{ code: problem, field: "passphrase" }] : []),
    ...(passphrase !== repeat ? [{ code: "PASSPHRASE_MISMATCH" as const, field: "passphraseRepeat" }] : []),
  ];
}

/** Throws the first problem, carrying the others, so a form can show every one of them at once. */
function throwProblems(problems: FieldProblem[]): void {
  const [first, ...others] = problems;
  if (first) throw new AppError(first.code, { field: first.field }, others);
}

/** Validates sign-up input; throws AppError with every problem found, one per field. */
export function validateSignUp(input: SignUpInput) {
  const parsed = signUpSchema.safeParse(input);
  const passphrase = typeof input.passphrase === "string" ? input.passphrase : "";
  const repeat = typeof input.passphraseRepeat === "string" ? input.passphraseRepeat : "";
  const fieldProblems = parsed.success ? [] : inputProblems(parsed.error).map(({ code, field }) => ({ code, field }));
  const passphraseFields = new Set(fieldProblems.map((problem) => problem.field));
  throwProblems([...fieldProblems, ...newPassphraseProblems(passphrase, repeat).filter((p) => !passphraseFields.has(p.field))]);
  return signUpSchema.parse(input);
}

/**
 * Sign-up from the web: like createAccount, but counted per address, since each attempt that
 * gets as far as hashing costs the server an argon2 hash. Over the limit it refuses until the
 * oldest counted sign-up leaves the window (SIGN_UP_THROTTLED with retryAt).
 */
export async function signUp(
  db: Db,
  input: SignUpInput & { locale?: string },
  options: { ip: string | null; secret: string; now?: Date; consent?: SignUpConsent },
): Promise<NewAccount & { recoveryCode: string }> {
  const now = options.now ?? new Date();
  const consent = options.consent ?? { terms: false, listed: false, attribution: "organisation" };
  try {
    validateSignUp(input);
  } catch (error) {
    // The terms box is checked with the fields, so the form shows every problem at once.
    if (error instanceof AppError && !consent.terms)
      throw new AppError(error.code, error.details, [...error.otherFields, { code: "TERMS_REQUIRED", field: "terms" }]);
    throw error;
  }
  if (!consent.terms) throw new AppError("TERMS_REQUIRED", { field: "terms" });
  const key = signUpKey(options.secret, options.ip);
  const until = await signUpThrottledUntil(db, key, now);
  if (until) throw new AppError("SIGN_UP_THROTTLED", { retryAt: until.toISOString() });
  await recordSignUp(db, key, now);
  const account = await createAccount(db, input, now);
  await db.$transaction(async (tx) => {
    await giveConsent(tx, account.id, "terms", "", now);
    if (consent.listed) await giveConsent(tx, account.id, "listed_by_pseudonym", "", now);
    else await declineConsent(tx, account.id, "listed_by_pseudonym", now);
    const attribution = (ATTRIBUTION_DEFAULTS as readonly string[]).includes(consent.attribution) ? consent.attribution : "organisation";
    await giveConsent(tx, account.id, "attribution_default", attribution, now);
  });
  return { ...account, recoveryCode: await issueRecoveryCode(db, account.id, now) };
}

/** What a person agrees to when signing up on the web: the terms (required) and two choices. */
export type SignUpConsent = { terms: boolean; listed: boolean; attribution: string };

export async function createAccount(db: Db, input: SignUpInput & { locale?: string }, now: Date = new Date()): Promise<NewAccount> {
  const data = validateSignUp(input);
  // Hash outside any transaction: argon2 takes tens of milliseconds.
  const passphraseHash = await hashPassphrase(data.passphrase);
  try {
    return await db.$transaction(async (tx) => {
      const account = await tx.account.create({
        data: {
          signInName: data.signInName,
          pseudonym: data.pseudonym,
          passphraseHash,
          locale: toLocale(input.locale),
          createdAt: now,
        },
        select: { id: true, pseudonym: true },
      });
      await recordAudit(tx, { action: "account.created", accountId: account.id }, now);
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("SIGN_IN_NAME_TAKEN", { field: "signInName" });
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function setPresence(db: Db, accountId: string, enabled: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: accountId }, data: { presenceEnabled: enabled } });
    await noteAccessChange(tx, { accountId });
  });
}

export async function setLocale(db: Db, accountId: string, locale: Locale): Promise<void> {
  await db.account.update({ where: { id: accountId }, data: { locale } });
}

/**
 * Changes the signed-in person's passphrase and ends their other sessions (a lost phone stays
 * signed in no longer). A wrong current passphrase counts as a failed sign-in, so the form cannot
 * be used to guess it from a session left open.
 */
export async function changePassphrase(
  db: Db,
  current: { accountId: string; sessionId: string },
  input: { currentPassphrase: unknown; passphrase: unknown; passphraseRepeat: unknown },
  options: { secret: string; ip: string | null; now?: Date },
): Promise<{ endedSessions: number }> {
  const now = options.now ?? new Date();
  const [currentPassphrase, passphrase, passphraseRepeat] = [input.currentPassphrase, input.passphrase, input.passphraseRepeat].map(
    (value) => (typeof value === "string" ? value : ""),
  ) as [string, string, string];
  const account = await db.account.findUnique({ where: { id: current.accountId }, select: { signInName: true, passphraseHash: true } });
  if (!account) throw new AppError("NOT_SIGNED_IN");
  throwProblems(newPassphraseProblems(passphrase, passphraseRepeat));

  const keys = throttleKeys(options.secret, account.signInName, options.ip);
  const until = await throttledUntil(db, keys, now);
  if (until) throw new AppError("SIGN_IN_THROTTLED", { retryAt: until.toISOString() });
  if (currentPassphrase.length > PASSPHRASE_MAX || !(await verifyPassphrase(account.passphraseHash, currentPassphrase))) {
    await recordFailure(db, keys, now);
    throw new AppError("PASSPHRASE_WRONG", { field: "currentPassphrase" });
  }
  if (passphrase === currentPassphrase) throw new AppError("PASSPHRASE_UNCHANGED", { field: "passphrase" });

  // Hash outside the transaction: argon2 takes tens of milliseconds.
  const passphraseHash = await hashPassphrase(passphrase);
  return db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: current.accountId }, data: { passphraseHash } });
    const ended = await endSessions(tx, { accountId: current.accountId, except: current.sessionId }, now);
    await recordAudit(
      tx,
      { action: "account.passphrase_changed", accountId: current.accountId, data: { endedSessions: ended.length } },
      now,
    );
    return { endedSessions: ended.length };
  });
}
