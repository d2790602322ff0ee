// Hostile input: random and mutated protocol messages, unauthenticated floods and a client that
// stops reading. The process stays up, other rooms are unaffected and the document keeps what
// honest members wrote.
import fc from "fast-check";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from "./protocol.ts";
import type { RealtimeServer } from "./server.ts";
import { connect, rawSocket, startServer, synced, tableWithPeople, waitFor } from "./test-support.ts";

let t: TestDatabase;
let server: RealtimeServer;
beforeAll(async () => {
  t = await testDatabase();
  server = await startServer(t.db, { maxBufferedBytes: 64 * 1024 });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "geldig");
  doc.getText("t").format(0, 3, { bold: true });
  const frame = (type: number, sub: number | null, payload: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    if (sub !== null) encoding.writeVarUint(encoder, sub);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  };
  const awareness = encoding.createEncoder();
  encoding.writeVarUint(awareness, 1);
  encoding.writeVarUint(awareness, 77);
  encoding.writeVarUint(awareness, 1);
  encoding.writeVarString(awareness, JSON.stringify({ user: { name: "x" } }));
  return [
    frame(MESSAGE_SYNC, 0, Y.encodeStateVector(doc)),
    frame(MESSAGE_SYNC, 2, Y.encodeStateAsUpdate(doc)),
    frame(MESSAGE_SYNC, 1, Y.encodeStateAsUpdate(doc)),
    frame(MESSAGE_AWARENESS, null, encoding.toUint8Array(awareness)),
  ];
}

/** A valid message with bytes flipped, cut short or extended. */
const mutated = fc
  .record({
    base: fc.constantFrom(...validMessages()),
    flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
    cut: fc.option(fc.nat()),
    tail: fc.uint8Array({ maxLength: 8 }),
  })
  .map(({ base, flips, cut, tail }) => {
    const bytes = new Uint8Array([...base, ...tail]);
    for (const flip of flips) bytes[flip.at % bytes.length] = flip.value;
    return cut === null ? bytes : bytes.slice(0, Math.max(1, cut % bytes.length));
  });
const message = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 64 }), mutated);

describe("hostile input", () => {
  it("survives random and mutated protocol messages, leaving other rooms and the document intact", async () => {
    const people = await tableWithPeople(t.db);
    const elsewhere = await tableWithPeople(t.db);
    const a = connect(server.port, people.docName, people.facilitator);
    const other = connect(server.port, elsewhere.docName, elsewhere.facilitator);
    const watcher = connect(server.port, elsewhere.docName, elsewhere.delegate);
    await Promise.all([a, other, watcher].map(synced));
    a.doc.getText("t").insert(0, "eerlijk");

    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 5 }), async (messages) => {
        const socket = await rawSocket(server.port, people.docName, people.delegate.cookie);
        for (const bytes of messages) if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(bytes);
        socket.ws.close();
        await socket.closed;
      }),
      { numRuns: 100, seed: Number(process.env.TAFEL_FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );

    // Still serving: the other room relays, and the fuzzed document still has the honest text.
    other.doc.getText("t").insert(0, "elders");
    await waitFor(() => watcher.text() === "elders", "the other room");
    const late = connect(server.port, people.docName, people.facilitator);
    await synced(late);
    await waitFor(() => late.text().includes("eerlijk"), "the honest text");
    for (const c of [a, other, watcher, late]) c.destroy();
  }, 60_000);

  it("refuses an unauthenticated flood of upgrades without harm to connected members", async () => {
    const people = await tableWithPeople(t.db);
    const a = connect(server.port, people.docName, people.facilitator);
    const b = connect(server.port, people.docName, people.delegate);
    await Promise.all([synced(a), synced(b)]);
    const attempts = await Promise.all(Array.from({ length: 100 }, () => rawSocket(server.port, people.docName, null)));
    expect(attempts.every((attempt) => attempt.status === 401)).toBe(true);
    a.doc.getText("t").insert(0, "nog steeds");
    await waitFor(() => b.text() === "nog steeds", "edits after the flood");
    a.destroy();
    b.destroy();
  });

  it("drops a client that stops reading instead of queueing for it without end", async () => {
    const people = await tableWithPeople(t.db);
    const writer = connect(server.port, people.docName, people.facilitator);
    const reader = connect(server.port, people.docName, people.delegate);
    await Promise.all([synced(writer), synced(reader)]);
    const slow = await rawSocket(server.port, people.docName, people.delegate.cookie);
    // Stop reading at the TCP level: the server's queue for this client can only grow.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // More than the kernel's socket buffers hold, so the rest queues in the server.
    const chunk = "x".repeat(100_000);
    for (let i = 0; i < 100; i++) writer.doc.getText("t").insert(0, chunk);
    await waitFor(() => reader.text().length === 100 * chunk.length, "the honest reader to receive everything", 30_000);
    await waitFor(() => server.connectionCount() === 2, "the slow reader to be dropped", 20_000);
    writer.destroy();
    reader.destroy();
  }, 60_000);
});
