// Accounts, sessions and tables for load tests, written directly (no argon2 sign-ups): N people
// over R tables, each person a member of their room's table with a signed-in session cookie.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Db } from "../../prisma/db.ts";

export const BENCH_SECRET = "bench-secret-that-is-long-enough-0123456789abcdef";
export const BENCH_ORIGIN = "http://127.0.0.1:3000";

export type People = { rooms: string[]; roomOf: (i: number) => string; cookies: string[]; tableIds: string[] };

export async function makePeople(db: Db, count: number, roomCount: number): Promise<People> {
  const run = randomUUID().slice(0, 8);
  const tableIds = Array.from({ length: roomCount }, () => randomUUID());
  const accountIds = Array.from({ length: count }, () => randomUUID());
  const sessionIds = Array.from({ length: count }, () => randomUUID());
  const now = new Date();
  await db.table.createMany({ data: tableIds.map((id, i) => ({ id, title: `Bench ${run} ${i}`, status: "active" as const })) });
  for (let start = 0; start < count; start += 500) {
    const slice = accountIds.slice(start, start + 500);
    await db.account.createMany({
      data: slice.map((id, i) => ({ id, signInName: `bench-${run}-${start + i}`, pseudonym: `Bench ${start + i}`, passphraseHash: "!" })),
    });
    await db.session.createMany({
      data: slice.map((accountId, i) => ({ id: sessionIds[start + i] as string, accountId, createdAt: now, lastSeenAt: now })),
    });
    await db.membership.createMany({
      data: slice.map((accountId, i) => ({ tableId: tableIds[(start + i) % roomCount] as string, accountId, role: "secretary" as const })),
    });
  }
  const cookies = await Promise.all(
    accountIds.map(
      async (sub, i) => `next-auth.session-token=${await encode({ token: { sub, sid: sessionIds[i] }, secret: BENCH_SECRET })}`,
    ),
  );
  const rooms = tableIds.map((id) => `notes:${id}`);
  return { rooms, roomOf: (i) => rooms[i % roomCount] as string, cookies, tableIds };
}
