// Durable storage of a live document: an append-only list of accepted updates plus, after
// compaction, one snapshot that replaces the rows it covers. These functions do not authorise:
// they are the realtime server's storage, called for a room only after docAccess admitted the
// connection. Pages and exports never read a document through them.
import * as Y from "yjs";
import { type Db, poolOf } from "../../prisma/db.ts";

export type StoredDoc = { updates: Uint8Array[]; lastId: bigint; tailCount: number; bytes: number };

/**
 * The snapshot and the updates after it, read in one statement so both come from the same
 * database snapshot: a compaction committing in between cannot make rows disappear from view.
 */
export async function loadStoredDoc(db: Db, name: string): Promise<StoredDoc> {
  const rows = await db.$queryRaw<{ id: bigint; data: Uint8Array; snapshot: boolean }[]>`
    WITH s AS (SELECT data, "upToId" FROM "DocSnapshot" WHERE "docName" = ${name})
    SELECT "upToId" AS id, data, true AS snapshot FROM s
    UNION ALL
    SELECT u.id, u.data, false AS snapshot FROM "DocUpdate" u
     WHERE u."docName" = ${name} AND u.id > COALESCE((SELECT "upToId" FROM s), 0)
    ORDER BY snapshot DESC, id ASC`;
  const snapshot = rows.find((row) => row.snapshot);
  const tail = rows.filter((row) => !row.snapshot);
  return {
    updates: rows.map((row) => row.data),
    lastId: tail.at(-1)?.id ?? snapshot?.id ?? 0n,
    tailCount: tail.length,
    bytes: rows.reduce((sum, row) => sum + row.data.byteLength, 0),
  };
}

export async function appendUpdate(db: Db, name: string, update: Uint8Array): Promise<bigint> {
  const row = await db.docUpdate.create({ data: { docName: name, data: toBytes(update) }, select: { id: true } });
  return row.id;
}

/** Appends one update for each of several documents in one statement (all or none). */
export async function appendUpdates(db: Db, updates: { name: string; update: Uint8Array }[]): Promise<void> {
  if (updates.length === 0) return;
  // The realtime server stores every tick's edits here, hundreds of times a second: one statement
  // with two array parameters, whatever the number of rows, straight to the driver. Unnamed: on
  // the embedded database every connection shares one session, so a named prepared statement
  // would already exist for the next process.
  await poolOf(db).query('INSERT INTO "DocUpdate" ("docName", data) SELECT * FROM unnest($1::text[], $2::bytea[])', [
    updates.map((u) => u.name),
    updates.map((u) => u.update),
  ]);
}

/**
 * Replaces the snapshot and every stored update up to now with one merged update. The merge is
 * computed outside the transaction so the transaction stays short; rows added meanwhile have
 * higher ids and stay in the tail. Two processes compacting the same document at once are safe:
 * a snapshot only replaces one that covers fewer rows, and rows are deleted only by the
 * compaction whose snapshot covers them.
 */
export async function compactDoc(db: Db, name: string, log: (line: string) => void = () => {}): Promise<number> {
  const stored = await loadStoredDoc(db, name);
  if (stored.tailCount === 0) return 0;
  const valid = stored.updates.filter((update) => {
    try {
      Y.decodeUpdate(update);
      return true;
    } catch {
      log(`compaction of ${name} skipped an update that cannot be decoded`);
      return false;
    }
  });
  const merged = toBytes(Y.mergeUpdates(valid));
  await db.$transaction(async (tx) => {
    const written = await tx.$executeRaw`
      INSERT INTO "DocSnapshot" ("docName", data, "upToId", "updatedAt") VALUES (${name}, ${merged}, ${stored.lastId}, now())
      ON CONFLICT ("docName") DO UPDATE SET data = EXCLUDED.data, "upToId" = EXCLUDED."upToId", "updatedAt" = EXCLUDED."updatedAt"
       WHERE "DocSnapshot"."upToId" < EXCLUDED."upToId"`;
    if (written === 1) await tx.docUpdate.deleteMany({ where: { docName: name, id: { lte: stored.lastId } } });
  });
  return stored.tailCount;
}

/** Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer. */
function toBytes(update: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(update);
}
