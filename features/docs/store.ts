// Durable storage of a live document: an append-only list of accepted updates plus, after
// compaction, one snapshot that replaces the rows it covers. These functions do not authorise:
// they are the realtime server's storage, called for a room only after docAccess admitted the
// connection. Pages and exports never read a document through them.
import * as Y from "yjs";
import type { Db } from "../../prisma/db.ts";

export type StoredDoc = { updates: Uint8Array[]; lastId: bigint; tailCount: number };

export async function loadStoredDoc(db: Db, name: string): Promise<StoredDoc> {
  const snapshot = await db.docSnapshot.findUnique({ where: { docName: name } });
  const after = snapshot?.upToId ?? 0n;
  const tail = await db.docUpdate.findMany({
    where: { docName: name, id: { gt: after } },
    orderBy: { id: "asc" },
    select: { id: true, data: true },
  });
  const updates = [...(snapshot ? [snapshot.data] : []), ...tail.map((row) => row.data)];
  return { updates, lastId: tail.at(-1)?.id ?? after, tailCount: tail.length };
}

export async function appendUpdate(db: Db, name: string, update: Uint8Array): Promise<bigint> {
  const row = await db.docUpdate.create({ data: { docName: name, data: toBytes(update) }, select: { id: true } });
  return row.id;
}

/**
 * Replaces the snapshot and every stored update up to now with one merged update. The merge is
 * computed outside the transaction so the transaction stays short; rows added meanwhile have
 * higher ids and stay in the tail.
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
  await db.$transaction([
    db.docSnapshot.upsert({
      where: { docName: name },
      create: { docName: name, data: merged, upToId: stored.lastId },
      update: { data: merged, upToId: stored.lastId, updatedAt: new Date() },
    }),
    db.docUpdate.deleteMany({ where: { docName: name, id: { lte: stored.lastId } } }),
  ]);
  return stored.tailCount;
}

/** Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer. */
function toBytes(update: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(update);
}
