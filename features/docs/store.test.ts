import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { appendUpdate, compactDoc, loadStoredDoc, loadStoredDocs } from "./store.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => t.close());

/** Appends `words` to the document as separate updates, and returns its text. */
async function write(name: string, words: string[]): Promise<void> {
  const doc = new Y.Doc();
  for (const word of words) {
    const before = Y.encodeStateVector(doc);
    doc.getText("t").insert(doc.getText("t").length, word);
    await appendUpdate(t.db, name, Y.encodeStateAsUpdate(doc, before));
  }
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}

describe("loading several stored documents at once", () => {
  it("gives each asked name its own snapshot and tail, in the order asked, and an empty one for unknown names", async () => {
    await write("store:a", ["een ", "twee "]);
    await compactDoc(t.db, "store:a");
    await write("store:a2", ["drie"]);
    await write("store:b", ["vier ", "vijf"]);
    const [b, unknown, a, again] = await loadStoredDocs(t.db, ["store:b", "store:none", "store:a", "store:b"]);
    expect(textOf(b?.updates ?? [])).toBe("vier vijf");
    expect(b).toMatchObject({ tailCount: 2 });
    expect(unknown).toEqual({ updates: [], lastId: 0n, tailCount: 0, bytes: 0 });
    expect(a).toMatchObject({ tailCount: 0, updates: [expect.any(Uint8Array)] });
    expect(textOf(a?.updates ?? [])).toBe("een twee ");
    expect(again).toEqual(b);
    // The same as loading each on its own.
    expect(await loadStoredDoc(t.db, "store:b")).toEqual(b);
    expect(await loadStoredDoc(t.db, "store:a")).toEqual(a);
    expect(await loadStoredDocs(t.db, [])).toEqual([]);
  });

  it("reads a name with quotes or commas as the literal name it is", async () => {
    const odd = `store:'x", y}{`;
    await write(odd, ["zes"]);
    const [doc] = await loadStoredDocs(t.db, [odd, "store:other"]);
    expect(textOf(doc?.updates ?? [])).toBe("zes");
  });
});
