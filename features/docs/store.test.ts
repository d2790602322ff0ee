import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { appendUpdates, compactDoc, loadStoredDoc } from "./store.ts";

let t: TestDatabase;

beforeAll(async () => {
  t = await testDatabase();
});

afterAll(async () => {
  await t.close();
});

function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe("storing live edits", () => {
  it("stores each document's update byte for byte, in the order given, in one statement", async () => {
    const first = typed("eerste");
    const second = typed("tweede");
    const third = new Uint8Array([0, 255, 1, 92, 120, 0]);
    await appendUpdates(t.db, [
      { name: "store-a", update: first },
      { name: "store-b", update: second },
      { name: "store-a", update: third },
    ]);
    const a = await loadStoredDoc(t.db, "store-a");
    expect(a.updates.map((u) => [...u])).toEqual([[...first], [...third]]);
    expect(a.tailCount).toBe(2);
    expect([...((await loadStoredDoc(t.db, "store-b")).updates[0] ?? [])]).toEqual([...second]);
  });

  it("stores nothing of a batch when one row cannot be stored", async () => {
    const before = await t.db.docUpdate.count();
    await expect(
      appendUpdates(t.db, [
        { name: "store-c", update: typed("a") },
        { name: "store-c", update: null as unknown as Uint8Array },
      ]),
    ).rejects.toThrow();
    expect(await t.db.docUpdate.count()).toBe(before);
  });

  it("keeps what was stored through compaction", async () => {
    await appendUpdates(t.db, [{ name: "store-d", update: typed("blijft") }]);
    await compactDoc(t.db, "store-d");
    const doc = new Y.Doc();
    for (const update of (await loadStoredDoc(t.db, "store-d")).updates) Y.applyUpdate(doc, update);
    expect(doc.getText("t").toString()).toBe("blijft");
  });
});
