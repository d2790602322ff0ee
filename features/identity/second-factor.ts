// The TOTP second factor (RFC 6238: six digits, 30 seconds, SHA-1, as every authenticator app
// reads). The secret is sealed with the vault key and bound to its account. A code is accepted one
// step either side of now, and never twice: the last step used is kept.
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { type Keyring, keyringFromEnv, open, seal } from "../compensation/vault-crypto.ts";
import { AppError } from "../shared/app-error.ts";
import { SECOND_FACTOR_ROLES, type SecondFactorRequirement, secondFactorRemovalRefusal, secondFactorRequirement } from "./policy.ts";
import { endSessions } from "./sessions.ts";

const PERIOD_SECONDS = 30;
// The app shows this as the entry's name. Only "Tafel", never the pseudonym: someone who sees the
// phone learns no more than that the person uses Tafel.
const LABEL = "Tafel";

const sealContext = (accountId: string) => `second-factor:${accountId}`;

function totp(secret: string): TOTP {
  return new TOTP({ issuer: LABEL, label: LABEL, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The code an authenticator app shows at `now` (for tests and the demo's instructions). */
export function codeAt(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

/** The time step of a six-digit code valid within one step of now, or null. */
export function matchingStep(secret: string, typed: unknown, now: Date): number | null {
  const token = typeof typed === "string" ? typed.replace(/[\s-]/g, "") : "";
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

export type SecondFactorOverview = {
  requirement: SecondFactorRequirement;
  dueAt: Date | null;
  enabledAt: Date | null;
  /** Set up started but no code confirmed yet. */
  pending: boolean;
  /** A facilitator or treasurer at some table, now. */
  holdsSecondFactorRole: boolean;
};

/**
 * Where the person stands. The first time a facilitator or treasurer without a second factor is
 * seen, the due date is set `graceDays` ahead; it is cleared when they no longer hold such a role.
 */
export async function secondFactorOverview(db: Db, accountId: string, now: Date, graceDays: number): Promise<SecondFactorOverview> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      secondFactorDueAt: true,
      secondFactor: { select: { confirmedAt: true } },
      memberships: { where: { leftAt: null, role: { in: [...SECOND_FACTOR_ROLES] } }, select: { id: true }, take: 1 },
    },
  });
  if (!account) return { requirement: "optional", dueAt: null, enabledAt: null, pending: false, holdsSecondFactorRole: false };
  const enabledAt = account.secondFactor?.confirmedAt ?? null;
  const holdsSecondFactorRole = account.memberships.length > 0;
  let dueAt = account.secondFactorDueAt;
  if (!enabledAt && holdsSecondFactorRole && !dueAt) {
    dueAt = new Date(now.getTime() + graceDays * 86_400_000);
    await db.account.updateMany({ where: { id: accountId, secondFactorDueAt: null }, data: { secondFactorDueAt: dueAt } });
  } else if (!holdsSecondFactorRole && dueAt) {
    dueAt = null;
    await db.account.update({ where: { id: accountId }, data: { secondFactorDueAt: null } });
  }
  return {
    requirement: secondFactorRequirement({ enabled: Boolean(enabledAt), holdsSecondFactorRole, dueAt, now }),
    dueAt: enabledAt ? null : dueAt,
    enabledAt,
    pending: Boolean(account.secondFactor && !enabledAt),
    holdsSecondFactorRole,
  };
}

/** The QR code as the side of its square in modules and an SVG path of the dark ones. */
export type QrShape = { size: number; path: string };
export type SecondFactorSetup = { secret: string; uri: string; qr: QrShape };

function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const squares: string[] = [];
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) if (modules.get(x, y)) squares.push(`M${x} ${y}h1v1h-1z`);
  }
  return { size: modules.size, path: squares.join("") };
}

function setupView(secret: string): SecondFactorSetup {
  const uri = totp(secret).toString();
  return { secret, uri, qr: qrShape(uri) };
}

/** Starts (or restarts) setting up: a new secret, shown until a first code confirms it. */
export async function startSecondFactorSetup(db: Db, accountId: string, ring: Keyring = keyringFromEnv(), now = new Date()) {
  const existing = await db.secondFactor.findUnique({ where: { accountId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new AppError("SECOND_FACTOR_ALREADY_ENABLED");
  const secret = new Secret({ size: 20 }).base32;
  const { keyId, sealed } = seal(ring, secret, sealContext(accountId));
  await db.secondFactor.upsert({
    where: { accountId },
    create: { accountId, keyId, sealedSecret: sealed, createdAt: now },
    update: { keyId, sealedSecret: sealed, createdAt: now, lastUsedStep: null },
  });
}

/** The setup in progress, to show its QR code and secret; null when there is none. */
export async function pendingSecondFactorSetup(
  db: Db,
  accountId: string,
  ring: Keyring = keyringFromEnv(),
): Promise<SecondFactorSetup | null> {
  const row = await db.secondFactor.findUnique({ where: { accountId } });
  if (!row || row.confirmedAt) return null;
  return setupView(open(ring, { keyId: row.keyId, sealed: row.sealedSecret }, sealContext(accountId)));
}

/**
 * Confirms the setup with a first code. From now on signing in asks for a code, so every other
 * session (opened without one) ends.
 */
export async function confirmSecondFactor(
  db: Db,
  current: { accountId: string; sessionId: string },
  code: unknown,
  ring: Keyring = keyringFromEnv(),
  now = new Date(),
): Promise<void> {
  const row = await db.secondFactor.findUnique({ where: { accountId: current.accountId } });
  if (!row) throw new AppError("SECOND_FACTOR_NOT_STARTED");
  if (row.confirmedAt) throw new AppError("SECOND_FACTOR_ALREADY_ENABLED");
  const step = matchingStep(open(ring, { keyId: row.keyId, sealed: row.sealedSecret }, sealContext(current.accountId)), code, now);
  if (step === null) throw new AppError("SECOND_FACTOR_CODE_INVALID", { field: "code" });
  await db.$transaction(async (tx) => {
    await tx.secondFactor.update({ where: { accountId: current.accountId }, data: { confirmedAt: now, lastUsedStep: step } });
    await tx.account.update({ where: { id: current.accountId }, data: { secondFactorDueAt: null } });
    const ended = await endSessions(tx, { accountId: current.accountId, except: current.sessionId }, now);
    await recordAudit(
      tx,
      { action: "account.second_factor_enabled", accountId: current.accountId, data: { endedSessions: ended.length } },
      now,
    );
  });
}

/** Switches the second factor off with a current code, when no role of the person needs it. */
export async function removeSecondFactor(db: Db, accountId: string, code: unknown, ring: Keyring = keyringFromEnv(), now = new Date()) {
  const row = await db.secondFactor.findUnique({ where: { accountId } });
  const holds = await db.membership.count({ where: { accountId, leftAt: null, role: { in: [...SECOND_FACTOR_ROLES] } } });
  const refusal = secondFactorRemovalRefusal({ enabled: Boolean(row?.confirmedAt), holdsSecondFactorRole: holds > 0 });
  if (refusal || !row) throw new AppError(refusal ?? "NOT_FOUND");
  if (!(await spendCode(db, row, code, ring, now))) throw new AppError("SECOND_FACTOR_CODE_INVALID", { field: "code" });
  await db.$transaction(async (tx) => {
    await tx.secondFactor.delete({ where: { accountId } });
    await recordAudit(tx, { action: "account.second_factor_removed", accountId, data: { by: "person" } }, now);
  });
}

export type SignInCodeCheck = "no-second-factor" | "accepted" | "missing" | "refused";

/** The second step of signing in: whether the account needs a code and whether this one does. */
export async function checkSignInCode(
  db: Db,
  accountId: string,
  code: unknown,
  options: { ring?: Keyring; now: Date },
): Promise<SignInCodeCheck> {
  const row = await db.secondFactor.findUnique({ where: { accountId } });
  if (!row?.confirmedAt) return "no-second-factor";
  if (typeof code !== "string" || code.trim() === "") return "missing";
  return (await spendCode(db, row, code, options.ring ?? keyringFromEnv(), options.now)) ? "accepted" : "refused";
}

/** True when the code is right and its step is later than the last one used (which it becomes). */
async function spendCode(
  db: Db,
  row: { accountId: string; keyId: string; sealedSecret: string },
  code: unknown,
  ring: Keyring,
  now: Date,
): Promise<boolean> {
  const step = matchingStep(open(ring, { keyId: row.keyId, sealed: row.sealedSecret }, sealContext(row.accountId)), code, now);
  if (step === null) return false;
  // One conditional write: two sign-ins racing with the same code cannot both win.
  const taken = await db.secondFactor.updateMany({
    where: { accountId: row.accountId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return taken.count === 1;
}
