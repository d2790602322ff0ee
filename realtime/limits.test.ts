import { connect as netConnect } from "node:net";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { MESSAGE_SYNC } from "./protocol.ts";
import type { RealtimeServer } from "./server.ts";
import { type Client, connect, rawSocket, startServer, synced, tableWithPeople, waitFor } from "./test-support.ts";

let t: TestDatabase;
let server: RealtimeServer;
beforeAll(async () => {
  t = await testDatabase();
  server = await startServer(t.db, { rateLimit: { perSecond: 20, burst: 20, floodMessages: 100, windowMs: 10_000 }, authTimeoutMs: 300 });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

/** Two honest clients on the document and one on another document, to show they are unaffected. */
async function bystanders() {
  const people = await tableWithPeople(t.db);
  const elsewhere = await tableWithPeople(t.db);
  const a = connect(server.port, people.docName, people.facilitator);
  const b = connect(server.port, people.docName, people.delegate);
  const c = connect(server.port, elsewhere.docName, elsewhere.facilitator);
  await Promise.all([synced(a), synced(b), synced(c)]);
  a.doc.getText("t").insert(0, "voor");
  await waitFor(() => b.text() === "voor", "the first edit");
  return { people, a, b, c };
}

async function stillWorking({ a, b, c }: { a: Client; b: Client; c: Client }) {
  a.doc.getText("t").insert(a.text().length, " na");
  await waitFor(() => b.text() === "voor na", "edits after the incident");
  c.doc.getText("t").insert(0, "elders");
  await waitFor(() => c.provider.wsconnected && c.text() === "elders", "the other document");
  for (const client of [a, b, c]) client.destroy();
}

describe("bounded connections", () => {
  it("closes a connection that sends more than 1 MiB, and only that one", async () => {
    const world = await bystanders();
    const bad = await rawSocket(server.port, world.people.docName, world.people.delegate.cookie);
    bad.ws.send(new Uint8Array(1024 * 1024 + 10));
    expect(await bad.closed).toBe(1009);
    await stillWorking(world);
  });

  it("closes a connection that floods messages", async () => {
    const world = await bystanders();
    const bad = await rawSocket(server.port, world.people.docName, world.people.delegate.cookie);
    const query = new Uint8Array([3]);
    for (let i = 0; i < 400; i++) bad.ws.send(query);
    expect(await bad.closed).toBe(1008);
    await stillWorking(world);
  });

  it("closes a connection that sends a malformed update, leaving the document intact", async () => {
    const world = await bystanders();
    const bad = await rawSocket(server.port, world.people.docName, world.people.delegate.cookie);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array([7, 200, 1, 99, 255, 255, 255]));
    bad.ws.send(encoding.toUint8Array(encoder));
    expect(await bad.closed).toBe(1003);
    const unknownType = await rawSocket(server.port, world.people.docName, world.people.delegate.cookie);
    unknownType.ws.send(new Uint8Array([42, 1, 2]));
    expect(await unknownType.closed).toBe(1003);
    await stillWorking(world);
  });

  it("drops a connection that never completes an authenticated upgrade", async () => {
    const socket = netConnect(server.port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    socket.write("GET /notes:x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
    const closedAt = await new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
    expect(closedAt).toBeGreaterThan(0);
    expect(socket.destroyed).toBe(true);
  });
});
