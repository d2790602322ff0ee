// Access changes: sessions ended, roles or memberships changed, a table's status changed. Commands
// note them inside their own transaction; the realtime server reads what changed since it last
// looked with one small query per tick (LISTEN/NOTIFY does not work on the embedded database) and
// re-checks only the open connections concerned.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";

/** Whom a change concerns: a session, an account (at one table or everywhere) or a whole table. */
export type AccessChangeScope = { sessionId?: string; accountId?: string; tableId?: string };

export type AccessChange = AccessChangeScope & { version: bigint };

/** How many changes are kept; a reader further behind re-checks every connection. */
export const KEPT_CHANGES = 5000n;

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "accessChange">;

/**
 * Records that access changed for `scope`. Call it inside the command's transaction: the counter
 * row stays locked until commit, so versions become visible in the order they were taken.
 */
export async function noteAccessChange(tx: Tx, scope: AccessChangeScope): Promise<void> {
  const [row] = await tx.$queryRaw<{ version: bigint }[]>`
    UPDATE "AccessChangeCounter" SET version = version + 1 WHERE id = 1 RETURNING version`;
  if (!row) throw new Error("the access change counter row is missing");
  await tx.accessChange.create({
    data: { version: row.version, sessionId: scope.sessionId ?? null, accountId: scope.accountId ?? null, tableId: scope.tableId ?? null },
  });
  if (row.version % 100n === 0n) await tx.accessChange.deleteMany({ where: { version: { lte: row.version - KEPT_CHANGES } } });
}

/** The latest version; a reader starts from here and learns of everything after it. */
export async function accessVersion(db: Db): Promise<bigint> {
  const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM "AccessChangeCounter" WHERE id = 1`;
  return row?.version ?? 0n;
}

/**
 * Changes after `since`, in one query. `complete` is false when some were already pruned (the
 * reader must then re-check everything).
 */
export async function accessChangesSince(db: Db, since: bigint): Promise<{ version: bigint; changes: AccessChange[]; complete: boolean }> {
  // One statement, so the counter and the changes come from the same snapshot.
  const rows = await db.$queryRaw<
    { head: bigint; version: bigint | null; sessionId: string | null; accountId: string | null; tableId: string | null }[]
  >`
    SELECT c.version AS head, ch.version, ch."sessionId", ch."accountId", ch."tableId"
      FROM "AccessChangeCounter" c
      LEFT JOIN LATERAL (
        SELECT version, "sessionId", "accountId", "tableId" FROM "AccessChange" WHERE version > ${since} ORDER BY version LIMIT 10000
      ) ch ON true
     WHERE c.id = 1`;
  const head = rows[0]?.head ?? since;
  const changes = rows.flatMap((row) =>
    row.version === null
      ? []
      : [
          {
            version: row.version,
            ...(row.sessionId ? { sessionId: row.sessionId } : {}),
            ...(row.accountId ? { accountId: row.accountId } : {}),
            ...(row.tableId ? { tableId: row.tableId } : {}),
          },
        ],
  );
  return { version: head, changes, complete: BigInt(changes.length) === head - since };
}
