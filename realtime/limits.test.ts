import { connect as netConnect } from "node:net";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setPresence } from "../features/identity/accounts.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { MESSAGE_AUTH, MESSAGE_SYNC } from "./protocol.ts";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./rate-limit.ts";
import type { RealtimeServer } from "./server.ts";
import { type Client, connect, rawSocket, signedIn, startServer, synced, tableWithPeople, waitFor } from "./test-support.ts";

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

  it("closes a connection that floods messages far beyond typing speed", async () => {
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

/**
 * Someone typing 15 characters a second with presence on: every keystroke sends an update and a
 * cursor move. Resolves with the text the other member ended up seeing and whether the typist
 * stayed connected throughout.
 */
async function typeFast(rateLimit: RateLimit, characters: number) {
  const own = await startServer(t.db, { rateLimit });
  const people = await tableWithPeople(t.db);
  await setPresence(t.db, people.delegate.accountId, true);
  await setPresence(t.db, people.facilitator.accountId, true);
  const typist = connect(own.port, people.docName, people.delegate);
  const reader = connect(own.port, people.docName, people.facilitator);
  await Promise.all([synced(typist), synced(reader)]);
  let disconnects = 0;
  typist.provider.on("connection-close", () => {
    disconnects += 1;
  });
  typist.provider.awareness.setLocalState({ user: { name: "typist", color: "#336699" }, cursor: null });
  const text = typist.doc.getText("t");
  const typed = "De tafel spreekt af dat sekswerkers meebeslissen over het beleid. ".repeat(4).slice(0, characters);
  await new Promise<void>((resolve) => {
    let i = 0;
    const timer = setInterval(() => {
      text.insert(i, typed[i] as string);
      typist.provider.awareness.setLocalStateField("cursor", { anchor: i + 1, head: i + 1 });
      i += 1;
      if (i === typed.length) {
        clearInterval(timer);
        resolve();
      }
    }, 1000 / 15);
  });
  await waitFor(() => reader.text() === typed, "the reader to see everything typed", 20_000);
  // And the last cursor position arrived (awareness coalesced, not dropped).
  await waitFor(
    () => [...reader.provider.awareness.getStates().values()].some((s) => (s.cursor as { head?: number } | null)?.head === typed.length),
    "the typist's last cursor position",
  );
  const result = { seen: reader.text(), typed, disconnects, connected: typist.provider.wsconnected };
  typist.destroy();
  reader.destroy();
  await own.close();
  return result;
}

describe("rate limits never cut off a person typing", () => {
  it("keeps a fast typist with cursor presence connected under the default limits", async () => {
    const result = await typeFast(DEFAULT_RATE_LIMIT, 45);
    expect(result.seen).toBe(result.typed);
    expect(result.disconnects).toBe(0);
    expect(result.connected).toBe(true);
  });

  it("slows and merges a typist who exceeds a tight allowance instead of closing", async () => {
    // 30 messages a second arrive against an allowance of 5: most are held and merged.
    const result = await typeFast({ perSecond: 5, burst: 5, floodMessages: 1000, windowMs: 10_000 }, 45);
    expect(result.seen).toBe(result.typed);
    expect(result.disconnects).toBe(0);
    expect(result.connected).toBe(true);
  });
});

describe("caps", () => {
  it("allows a console, tabs and a phone, but not more than 8 connections per account", async () => {
    const people = await tableWithPeople(t.db);
    const devices = [];
    for (let i = 0; i < 8; i++)
      devices.push(await rawSocket(server.port, people.docName, (await signedIn(t.db, people.delegate.accountId)).cookie));
    expect(devices.map((d) => d.status)).toEqual(Array(8).fill(null));
    const ninth = await rawSocket(server.port, people.docName, people.delegate.cookie);
    expect(ninth.status).toBe(429);
    // Someone else at the table is unaffected.
    const other = await rawSocket(server.port, people.docName, people.facilitator.cookie);
    expect(other.status).toBeNull();
    for (const socket of [...devices, other]) socket.ws.close();
    await Promise.all(devices.map((d) => d.closed));
    // Once they are gone, the account may connect again.
    await waitFor(async () => {
      const again = await rawSocket(server.port, people.docName, people.delegate.cookie);
      again.ws.close();
      return again.status === null;
    }, "a device slot to free up");
  });

  it("stops accepting writes to a document beyond its size cap, keeping what it holds", async () => {
    const own = await startServer(t.db, { maxDocBytes: 2000 });
    const people = await tableWithPeople(t.db);
    const writer = connect(own.port, people.docName, people.delegate);
    const reader = connect(own.port, people.docName, people.facilitator);
    await Promise.all([synced(writer), synced(reader)]);
    writer.doc.getText("t").insert(0, "begin ");
    await waitFor(() => reader.text() === "begin ", "the first edit");
    const socket = await rawSocket(own.port, people.docName, people.delegate.cookie);
    const big = new Y.Doc();
    big.getText("t").insert(0, "x".repeat(5000));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(big));
    socket.ws.send(encoding.toUint8Array(encoder));
    await waitFor(() => socket.messages.some((m) => m[0] === MESSAGE_AUTH), "the refusal");
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    expect(reader.text()).toBe("begin ");
    for (const c of [writer, reader]) c.destroy();
    socket.ws.close();
    await own.close();
  });
});
