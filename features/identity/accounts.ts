import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError, type ErrorCode } from "../shared/app-error.ts";
import { type SignUpInput, signUpSchema } from "./model.ts";
import { hashPassphrase, passphraseProblem } from "./passphrase.ts";

export type NewAccount = { id: string; pseudonym: string };

/** Validates sign-up input; throws AppError with the first problem found, field by field. */
export function validateSignUp(input: SignUpInput) {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code = (issue?.message as ErrorCode) ?? "INVALID_INPUT";
    throw new AppError(code, { field: String(issue?.path[0] ?? "") });
  }
  const problem = passphraseProblem(parsed.data.passphrase);
  if (problem) throw new AppError(problem, { field: "passphrase" });
  if (parsed.data.passphrase !== parsed.data.passphraseRepeat) {
    throw new AppError("PASSPHRASE_MISMATCH", { field: "passphraseRepeat" });
  }
  return parsed.data;
}

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
          locale: input.locale === "en" ? "en" : "nl",
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

export async function setLocale(db: Db, accountId: string, locale: "nl" | "en"): Promise<void> {
  await db.account.update({ where: { id: accountId }, data: { locale } });
}
