// Failed sign-ins slow down further attempts instead of locking the account: once there are too
// many recent failures, attempts are refused until the oldest of them leaves the window.
// Keys are HMACs, so neither sign-in names nor IP addresses are stored; rows live 24 h.
import { createHmac } from "node:crypto";
import type { Db } from "../../prisma/db.ts";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_LIMITS = { account: 5, ip: 30 } as const;
const RETENTION_MS = 24 * 3_600_000;

export type ThrottleKeys = { account: string; ip: string | null };

export function throttleKeys(secret: string, signInName: string, ip: string | null): ThrottleKeys {
  const mac = (value: string) => createHmac("sha256", secret).update(value).digest("hex");
  return { account: mac(`account:${signInName}`), ip: ip ? mac(`ip:${ip}`) : null };
}

/** When attempts may resume, or null when they may go ahead now. */
export async function throttledUntil(db: Db, keys: ThrottleKeys, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let until: Date | null = null;
  for (const scope of ["account", "ip"] as const) {
    const keyHash = keys[scope];
    if (!keyHash) continue;
    const limit = THROTTLE_LIMITS[scope];
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

export async function recordFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  const rows = [{ scope: "account", keyHash: keys.account, createdAt: now }];
  if (keys.ip) rows.push({ scope: "ip", keyHash: keys.ip, createdAt: now });
  await db.signInFailure.createMany({ data: rows });
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - RETENTION_MS) } } });
}
