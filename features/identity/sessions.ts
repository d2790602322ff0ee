import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";
import type { SessionLimits } from "./model.ts";

// Touching lastSeenAt on every request would write on every page view; a minute is precise enough
// for an idle limit counted in hours.
const TOUCH_AFTER_MS = 60_000;

export type ActiveSession = {
  sessionId: string;
  accountId: string;
  pseudonym: string;
  presenceEnabled: boolean;
  locale: string;
};

export type SessionEnd = "revoked" | "idle" | "expired" | "unknown";

export function sessionEnd(
  session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null } | null,
  limits: SessionLimits,
  now: Date,
): SessionEnd | null {
  if (!session) return "unknown";
  if (session.revokedAt) return "revoked";
  if (now.getTime() - session.createdAt.getTime() >= limits.maxMs) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return "idle";
  return null;
}

/** When this session will end if nothing happens: the earlier of the idle and the absolute limit. */
export function sessionDeadline(session: { createdAt: Date; lastSeenAt: Date }, limits: SessionLimits): Date {
  return new Date(Math.min(session.createdAt.getTime() + limits.maxMs, session.lastSeenAt.getTime() + limits.idleMs));
}

export async function createSession(db: Db, accountId: string, now: Date): Promise<string> {
  const session = await db.session.create({ data: { accountId, createdAt: now, lastSeenAt: now }, select: { id: true } });
  return session.id;
}

/**
 * The live session behind a cookie, or null when it has ended. `touch` records activity, which
 * pushes the idle limit forward; realtime checks without touching.
 */
export async function activeSession(
  db: Db,
  sessionId: string | undefined | null,
  limits: SessionLimits,
  now: Date,
  options: { touch?: boolean } = {},
): Promise<ActiveSession | null> {
  if (!sessionId || !isUuid(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { account: { select: { pseudonym: true, presenceEnabled: true, locale: true } } },
  });
  if (!session || sessionEnd(session, limits, now)) return null;
  if (options.touch && now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: session.id,
    accountId: session.accountId,
    pseudonym: session.account.pseudonym,
    presenceEnabled: session.account.presenceEnabled,
    locale: session.account.locale,
  };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  if (!isUuid(sessionId)) return;
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { accountId: true, revokedAt: true } });
  if (!session || session.revokedAt) return;
  await db.$transaction(async (tx) => {
    await endSessions(tx, { accountId: session.accountId, ids: [sessionId] }, now);
    await recordAudit(tx, { action: "session.signed_out", accountId: session.accountId }, now);
  });
}

type SessionWriter = Pick<Db, "session"> & Parameters<typeof noteAccessChange>[0];

/**
 * The one place sessions end (sign-out, ending one from the settings, a passphrase change): the
 * account's open sessions among `ids`, or all but `except`. Returns the ids it ended. Pages and
 * the realtime server's re-check find them revoked.
 */
export async function endSessions(
  db: SessionWriter,
  target: { accountId: string; ids?: string[]; except?: string },
  now: Date,
): Promise<string[]> {
  const where = {
    accountId: target.accountId,
    revokedAt: null,
    ...(target.ids ? { id: { in: target.ids } } : {}),
    ...(target.except ? { NOT: { id: target.except } } : {}),
  };
  const open = await db.session.findMany({ where, select: { id: true } });
  if (open.length === 0) return [];
  const ids = open.map((session) => session.id);
  await db.session.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: now } });
  // The realtime server closes these sessions' live connections at its next tick.
  for (const sessionId of ids) await noteAccessChange(db, { sessionId });
  return ids;
}

export type SessionView = { id: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/** The account's sessions that are still alive, newest activity first. No addresses: none are kept. */
export async function sessionsOf(db: Db, current: ActiveSession, limits: SessionLimits, now: Date): Promise<SessionView[]> {
  const rows = await db.session.findMany({
    where: { accountId: current.accountId, revokedAt: null, createdAt: { gt: new Date(now.getTime() - limits.maxMs) } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, revokedAt: true },
  });
  return rows
    .filter((row) => !sessionEnd(row, limits, now))
    .map((row) => ({ id: row.id, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, current: row.id === current.sessionId }));
}

/** Ends one of the signed-in person's own sessions; another account's id answers as unknown. */
export async function endOwnSession(db: Db, current: ActiveSession, sessionId: string, now: Date): Promise<void> {
  if (!isUuid(sessionId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const [ended] = await endSessions(tx, { accountId: current.accountId, ids: [sessionId] }, now);
    if (!ended) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { action: "session.ended", accountId: current.accountId, data: { session: ended, by: current.sessionId } }, now);
  });
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
