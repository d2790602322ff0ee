// Keeps open connections within what their sessions and roles allow, at a cost that does not grow
// with the number of connections: one small query per tick asks what changed since the last
// (sessions ended, roles, memberships or a table's status changed); only the sessions and
// (account, document) pairs concerned are read again, each set in one query. Idle and absolute
// session limits are checked against the clock from what was last read, and a session is read
// again only when its deadline seems to have passed (the web app may have moved it forward).
import { type AccessChange, accessChangesSince, accessVersion } from "../features/access/changes.ts";
import { type DocAccess, docAccessMany } from "../features/docs/access.ts";
import { parseDocName } from "../features/docs/names.ts";
import type { SessionLimits } from "../features/identity/model.ts";
import { sessionDeadline, sessionEnd } from "../features/identity/sessions.ts";
import type { Db } from "../prisma/db.ts";
import { CLOSE } from "./protocol.ts";

// Recording activity on every tick would write constantly; a minute is precise enough for an idle
// limit counted in hours (the web app uses the same interval).
const TOUCH_AFTER_MS = 60_000;

export type SessionInfo = {
  sessionId: string;
  accountId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  pseudonym: string;
  presenceEnabled: boolean;
  /** When a facilitator's or treasurer's second factor became overdue (null: not overdue or set up). */
  secondFactorDueAt: Date | null;
};

/** What the watch needs from a connection. */
export type Watched = {
  readonly sessionId: string;
  readonly accountId: string;
  readonly docName: string;
  readonly closed: boolean;
  setAccess(access: Exclude<DocAccess, "none">): void;
  setPresence(enabled: boolean): void;
  end(code: number, reason: string): void;
};

type Tracked = { info: SessionInfo; connections: Set<Watched>; active: boolean };

export async function loadSessions(db: Db, ids: string[]): Promise<Map<string, SessionInfo>> {
  const found = new Map<string, SessionInfo>();
  if (ids.length === 0) return found;
  const rows = await db.session.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      accountId: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      account: {
        select: { pseudonym: true, presenceEnabled: true, secondFactorDueAt: true, secondFactor: { select: { confirmedAt: true } } },
      },
    },
  });
  for (const row of rows) {
    found.set(row.id, {
      sessionId: row.id,
      accountId: row.accountId,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      revokedAt: row.revokedAt,
      pseudonym: row.account.pseudonym,
      presenceEnabled: row.account.presenceEnabled,
      secondFactorDueAt: row.account.secondFactor?.confirmedAt ? null : row.account.secondFactorDueAt,
    });
  }
  return found;
}

export class AccessWatch {
  private readonly sessions = new Map<string, Tracked>();
  private version: bigint | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly limits: SessionLimits,
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
  ) {}

  /** Reads the change counter, so that only later changes are looked at. Call before admitting anyone. */
  async start(): Promise<void> {
    this.version = await accessVersion(this.db);
  }

  add(connection: Watched, info: SessionInfo): void {
    const tracked = this.sessions.get(info.sessionId);
    if (tracked) {
      tracked.connections.add(connection);
      // The admission read is at least as fresh as what we hold.
      tracked.info = info;
    } else this.sessions.set(info.sessionId, { info, connections: new Set([connection]), active: false });
  }

  remove(connection: Watched): void {
    const tracked = this.sessions.get(connection.sessionId);
    if (!tracked) return;
    tracked.connections.delete(connection);
    if (tracked.connections.size === 0) this.sessions.delete(connection.sessionId);
  }

  /** The person did something: it counts as activity for the idle limit. */
  touch(sessionId: string): void {
    const tracked = this.sessions.get(sessionId);
    if (tracked) tracked.active = true;
  }

  connectionsOf(accountId: string): number {
    let count = 0;
    for (const tracked of this.sessions.values()) if (tracked.info.accountId === accountId) count += tracked.connections.size;
    return count;
  }

  /** One pass; `everything` re-reads every session and access instead of only what changed. */
  tick(everything = false): Promise<void> {
    // Passes never overlap; a pass asked for meanwhile waits for the current one and runs after it.
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(() => this.pass(everything));
    this.running = next.finally(() => {
      if (this.running === next) this.running = null;
    });
    return next;
  }

  private async pass(everything: boolean): Promise<void> {
    const now = this.now();
    let changes: AccessChange[] = [];
    let complete = true;
    if (this.version === null) await this.start();
    else {
      const since = await accessChangesSince(this.db, this.version);
      this.version = since.version;
      changes = since.changes;
      complete = since.complete;
    }
    const all = everything || !complete;
    if (!complete) this.log("fell behind the access changes; re-checking every connection");

    const reread = new Set<string>();
    const recheck = new Set<Watched>();
    for (const [sessionId, tracked] of this.sessions) {
      if (all) {
        reread.add(sessionId);
        for (const connection of tracked.connections) recheck.add(connection);
        continue;
      }
      const { info } = tracked;
      // A deadline that seems passed is confirmed against the database before anyone is cut off.
      if (sessionEnd(info, this.limits, now) || sessionDeadline(info, this.limits) <= now) reread.add(sessionId);
      for (const change of changes) {
        if (change.sessionId === sessionId) reread.add(sessionId);
        if (change.accountId && change.accountId !== info.accountId) continue;
        if (change.accountId && !change.tableId) reread.add(sessionId);
        if (!change.accountId && !change.tableId) continue;
        for (const connection of tracked.connections) {
          if (!change.tableId || parseDocName(connection.docName)?.tableId === change.tableId) recheck.add(connection);
        }
      }
    }

    await this.recordActivity(now);
    if (reread.size > 0) await this.rereadSessions([...reread], now);
    if (recheck.size > 0) await this.recheckAccess([...recheck].filter((connection) => !connection.closed));
  }

  /** Activity moves the idle limit forward, written at most once a minute per session, in one query. */
  private async recordActivity(now: Date): Promise<void> {
    const due: string[] = [];
    for (const [sessionId, tracked] of this.sessions) {
      if (!tracked.active) continue;
      tracked.active = false;
      if (sessionEnd(tracked.info, this.limits, now)) continue;
      if (now.getTime() - tracked.info.lastSeenAt.getTime() > TOUCH_AFTER_MS) due.push(sessionId);
    }
    if (due.length === 0) return;
    await this.db.session.updateMany({ where: { id: { in: due }, revokedAt: null }, data: { lastSeenAt: now } });
    for (const sessionId of due) {
      const tracked = this.sessions.get(sessionId);
      if (tracked) tracked.info = { ...tracked.info, lastSeenAt: now };
    }
  }

  private async rereadSessions(ids: string[], now: Date): Promise<void> {
    const fresh = await loadSessions(this.db, ids);
    for (const sessionId of ids) {
      const tracked = this.sessions.get(sessionId);
      if (!tracked) continue;
      const info = fresh.get(sessionId);
      if (!info || sessionEnd(info, this.limits, now)) {
        for (const connection of [...tracked.connections]) connection.end(CLOSE.sessionEnded, "session ended");
        this.sessions.delete(sessionId);
        continue;
      }
      tracked.info = info;
      for (const connection of tracked.connections) connection.setPresence(info.presenceEnabled);
    }
  }

  private async recheckAccess(connections: Watched[]): Promise<void> {
    const pairs = new Map<string, { accountId: string; name: string; connections: Watched[] }>();
    for (const connection of connections) {
      const key = `${connection.accountId} ${connection.docName}`;
      const pair = pairs.get(key);
      if (pair) pair.connections.push(connection);
      else pairs.set(key, { accountId: connection.accountId, name: connection.docName, connections: [connection] });
    }
    const list = [...pairs.values()];
    const answers = await docAccessMany(this.db, list);
    list.forEach((pair, i) => {
      const access = answers[i] ?? "none";
      for (const connection of pair.connections) {
        if (access === "none") connection.end(CLOSE.noAccess, "no access");
        else connection.setAccess(access);
      }
    });
  }
}
