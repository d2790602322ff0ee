// Failed sign-ins slow down further attempts instead of locking the account: once there are too
// many recent failures, attempts are refused until the oldest of them leaves the window.
// Sign-ups are counted per address the same way: each one costs an argon2 hash.
// Keys are HMACs, so neither sign-in names nor IP addresses are stored; rows live 24 h.
import { createHmac } from "node:crypto";
import type { Db } from "../../prisma/db.ts";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_LIMITS = { account: 5, ip: 30 } as const;
/** Sign-ups per address in a window: room for a group joining together from one venue's network. */
export const SIGN_UP_LIMIT = 20;
const RETENTION_MS = 24 * 3_600_000;

export type ThrottleKeys = { account: string; ip: string | null };

export function throttleKeys(secret: string, signInName: string, ip: string | null): ThrottleKeys {
  const mac = (value: string) => createHmac("sha256", secret).update(value).digest("hex");
  return { account: mac(`account:${signInName}`), ip: ip ? mac(`ip:${ip}`) : null };
}

type Counted = { scope: string; keyHash: string; limit: number };

async function countedUntil(db: Db, counted: Counted[], now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let until: Date | null = null;
  for (const { scope, keyHash, limit } of counted) {
    const recent = await db.signInFailure.findMany({
      where: { scope, keyHash, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { createdAt: true },
    });
    if (recent.length >= limit) {
      const oldest = recent[recent.length - 1]?.createdAt ?? now;
      const candidate = new Date(oldest.getTime() + THROTTLE_WINDOW_MS);
      if (!until || candidate > until) until = candidate;
    }
  }
  return until && until > now ? until : null;
}

/** When attempts may resume, or null when they may go ahead now. */
export function throttledUntil(db: Db, keys: ThrottleKeys, now: Date): Promise<Date | null> {
  const counted: Counted[] = [{ scope: "account", keyHash: keys.account, limit: THROTTLE_LIMITS.account }];
  if (keys.ip) counted.push({ scope: "ip", keyHash: keys.ip, limit: THROTTLE_LIMITS.ip });
  return countedUntil(db, counted, now);
}

/** The sign-up key of an address (null when the address is unknown: nothing to count by). */
export function signUpKey(secret: string, ip: string | null): string | null {
  return ip ? createHmac("sha256", secret).update(`sign-up:${ip}`).digest("hex") : null;
}

export function signUpThrottledUntil(db: Db, key: string | null, now: Date): Promise<Date | null> {
  return key ? countedUntil(db, [{ scope: "sign_up", keyHash: key, limit: SIGN_UP_LIMIT }], now) : Promise.resolve(null);
}

export async function recordSignUp(db: Db, key: string | null, now: Date): Promise<void> {
  if (!key) return;
  await db.signInFailure.create({ data: { scope: "sign_up", keyHash: key, createdAt: now } });
  await prune(db, now);
}

export async function recordFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  const rows = [{ scope: "account", keyHash: keys.account, createdAt: now }];
  if (keys.ip) rows.push({ scope: "ip", keyHash: keys.ip, createdAt: now });
  await db.signInFailure.createMany({ data: rows });
  await prune(db, now);
}

function prune(db: Db, now: Date) {
  return db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - RETENTION_MS) } } });
}
