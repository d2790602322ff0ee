import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadStoredDoc } from "../features/docs/store.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { MESSAGE_AUTH, MESSAGE_SYNC } from "./protocol.ts";
import type { RealtimeServer } from "./server.ts";
import { connect, rawSocket, startServer, storedRows, synced, tableWithPeople, waitFor } from "./test-support.ts";

let t: TestDatabase;
let server: RealtimeServer;
beforeAll(async () => {
  t = await testDatabase();
  server = await startServer(t.db);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe("live documents", () => {
  it("two members see each other's edits", async () => {
    const people = await tableWithPeople(t.db);
    const a = connect(server.port, people.docName, people.facilitator);
    const b = connect(server.port, people.docName, people.delegate);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText("t").insert(0, "Is thuiswerk een probleem?");
    await waitFor(() => b.text() === "Is thuiswerk een probleem?", "b to see a's edit");
    b.doc.getText("t").insert(b.text().length, " Voor wie?");
    await waitFor(() => a.text() === "Is thuiswerk een probleem? Voor wie?", "a to see b's edit");
    a.destroy();
    b.destroy();
  });

  it("drops an observer's write with permission denied and stores nothing, but accepts its empty sync silently", async () => {
    const people = await tableWithPeople(t.db);
    const writer = connect(server.port, people.docName, people.facilitator);
    await synced(writer);
    writer.doc.getText("t").insert(0, "tekst");
    await waitFor(async () => (await storedRows(t.db, people.docName)) === 1, "the write to be stored");

    // The honest observer client: connects, syncs, sends only empty updates.
    const honest = connect(server.port, people.docName, people.observer);
    await synced(honest);
    await waitFor(() => honest.text() === "tekst", "the observer to read along");

    const crafted = await rawSocket(server.port, people.docName, people.observer.cookie);
    crafted.ws.send(updateMessage(Y.encodeStateAsUpdate(new Y.Doc())));
    crafted.ws.send(updateMessage(textUpdate("ingebroken")));
    await waitFor(() => crafted.messages.some((m) => m[0] === MESSAGE_AUTH), "a permission-denied answer");
    expect(crafted.messages.filter((m) => m[0] === MESSAGE_AUTH)).toHaveLength(1);
    expect(await storedRows(t.db, people.docName)).toBe(1);
    expect(writer.text()).toBe("tekst");
    expect(honest.text()).toBe("tekst");
    crafted.ws.close();
    writer.destroy();
    honest.destroy();
  });

  it("keeps a document across a server restart and compaction", async () => {
    const people = await tableWithPeople(t.db);
    const own = await startServer(t.db, { compactAfter: 3 });
    const a = connect(own.port, people.docName, people.facilitator);
    await synced(a);
    for (const word of ["een ", "twee ", "drie ", "vier ", "vijf"]) {
      a.doc.getText("t").insert(a.text().length, word);
      await waitFor(async () => (await loadStoredDoc(t.db, people.docName)).updates.length > 0, "storage");
    }
    await waitFor(async () => {
      const doc = new Y.Doc();
      for (const update of (await loadStoredDoc(t.db, people.docName)).updates) Y.applyUpdate(doc, update);
      return doc.getText("t").toString() === "een twee drie vier vijf";
    }, "everything stored");
    a.destroy();
    await own.close();
    expect(await t.db.docSnapshot.count({ where: { docName: people.docName } })).toBe(1);

    const again = await startServer(t.db);
    const b = connect(again.port, people.docName, people.delegate);
    await synced(b);
    expect(b.text()).toBe("een twee drie vier vijf");
    b.destroy();
    await again.close();
  });

  it("keeps an idle document as its encoded state, and it still syncs and accepts writes", async () => {
    const people = await tableWithPeople(t.db);
    const own = await startServer(t.db, { idleAfterMs: 50 });
    const a = connect(own.port, people.docName, people.facilitator);
    await synced(a);
    a.doc.getText("t").insert(0, "een");
    await waitFor(async () => (await storedRows(t.db, people.docName)) === 1, "the write");
    await waitFor(() => own.roomCount() === 1 && own.liveRoomCount() === 0, "the document to idle");
    const b = connect(own.port, people.docName, people.delegate);
    await synced(b);
    expect(b.text()).toBe("een");
    b.doc.getText("t").insert(3, " twee");
    await waitFor(() => a.text() === "een twee", "a write to the idle document");
    a.destroy();
    b.destroy();
    await own.close();
  });

  it("converges under random concurrent edits from several clients", async () => {
    const people = await tableWithPeople(t.db);
    const clients = [people.facilitator, people.delegate, people.facilitator].map((p) => connect(server.port, people.docName, p));
    await Promise.all(clients.map(synced));
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 60; round++) {
      const client = clients[Math.floor(random() * clients.length)];
      if (!client) continue;
      const text = client.doc.getText("t");
      if (text.length > 5 && random() < 0.3) text.delete(Math.floor(random() * (text.length - 2)), 2);
      else text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + Math.floor(random() * 26)));
    }
    await waitFor(() => new Set(clients.map((c) => c.text())).size === 1, "all clients to converge");
    const stored = new Y.Doc();
    await waitFor(async () => {
      for (const update of (await loadStoredDoc(t.db, people.docName)).updates) Y.applyUpdate(stored, update);
      return stored.getText("t").toString() === clients[0]?.text();
    }, "storage to hold the converged text");
    for (const client of clients) client.destroy();
  });
});
