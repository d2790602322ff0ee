import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setPresence } from "../features/identity/accounts.ts";
import { revokeSession } from "../features/identity/sessions.ts";
import { changeRole } from "../features/tables/commands.ts";
import { changeTableStatus } from "../features/tables/details.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from "./awareness-filter.ts";
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_SYNC } from "./protocol.ts";
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

function awarenessFrame(clientId: number, clock: number, state: Record<string, unknown> | null): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate([{ clientId, clock, state }]));
  return encoding.toUint8Array(encoder);
}

function awarenessStates(messages: Uint8Array[]) {
  return messages
    .filter((m) => m[0] === MESSAGE_AWARENESS)
    .flatMap((m) => {
      const decoder = decoding.createDecoder(m);
      decoding.readVarUint(decoder);
      return decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
    });
}

function textWrite(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

describe("presence", () => {
  it("relays presence only between people who switched it on, under the name the server knows", async () => {
    const people = await tableWithPeople(t.db);
    await setPresence(t.db, people.facilitator.accountId, true);
    await setPresence(t.db, people.delegate.accountId, true);
    const watcher = await rawSocket(server.port, people.docName, people.facilitator.cookie);
    const speaker = await rawSocket(server.port, people.docName, people.delegate.cookie);
    speaker.ws.send(awarenessFrame(1001, 1, { user: { name: "Iemand anders", color: "#ff0000" } }));
    await waitFor(() => awarenessStates(watcher.messages).some((e) => e.clientId === 1001), "the speaker's presence");
    const seen = awarenessStates(watcher.messages).find((e) => e.clientId === 1001);
    const delegate = await t.db.account.findUniqueOrThrow({ where: { id: people.delegate.accountId } });
    expect(seen?.state).toEqual({ user: { name: delegate.pseudonym, color: "#ff0000" } });

    // Someone else's client id is not theirs to speak for.
    const impostor = await rawSocket(server.port, people.docName, people.facilitator.cookie);
    impostor.ws.send(awarenessFrame(1001, 5, { user: { name: "Vervalst" } }));
    // A presence-off person announces nothing.
    const silent = await rawSocket(server.port, people.docName, people.observer.cookie);
    silent.ws.send(awarenessFrame(3003, 1, { user: { name: "Waarnemer" } }));
    // A marker after both, so we know the server handled them.
    speaker.ws.send(awarenessFrame(1001, 2, { user: { name: "x", color: "#00ff00" } }));
    await waitFor(() => awarenessStates(watcher.messages).some((e) => e.clientId === 1001 && e.clock === 2), "the marker");
    const all = awarenessStates(watcher.messages);
    expect(all.some((e) => e.clientId === 1001 && e.clock === 5)).toBe(false);
    expect(all.some((e) => e.clientId === 3003)).toBe(false);
    expect(JSON.stringify(all)).not.toContain("Vervalst");
    // And the presence-off observer receives nobody's presence.
    expect(awarenessStates(silent.messages)).toEqual([]);
    for (const s of [watcher, speaker, impostor, silent]) s.ws.close();
  });
});

describe("access changes on open connections", () => {
  it("closes a connection when its session is revoked", async () => {
    const people = await tableWithPeople(t.db);
    const socket = await rawSocket(server.port, people.docName, people.delegate.cookie);
    await revokeSession(t.db, people.delegate.sessionId, new Date());
    await server.recheckChanges();
    expect(await socket.closed).toBe(4401);
  });

  it("re-checks only what changed: a revocation elsewhere leaves other connections open", async () => {
    const people = await tableWithPeople(t.db);
    const leaving = await rawSocket(server.port, people.docName, people.delegate.cookie);
    const staying = await rawSocket(server.port, people.docName, people.facilitator.cookie);
    await revokeSession(t.db, people.delegate.sessionId, new Date());
    await server.recheckChanges();
    expect(await leaving.closed).toBe(4401);
    expect(staying.ws.readyState).toBe(staying.ws.OPEN);
    staying.ws.close();
  });

  it("makes a member read-only once the table is closed", async () => {
    const people = await tableWithPeople(t.db);
    const socket = await rawSocket(server.port, people.docName, people.delegate.cookie);
    await changeTableStatus(t.db, people.facilitatorAccountId, people.tableId, "closed");
    await server.recheckChanges();
    socket.ws.send(textWrite("na sluiting"));
    await waitFor(() => socket.messages.some((m) => m[0] === MESSAGE_AUTH), "permission denied after closing the table");
    expect(await storedRows(t.db, people.docName)).toBe(0);
    socket.ws.close();
  });

  it("still finds a session ended behind its back on the full re-check", async () => {
    const people = await tableWithPeople(t.db);
    const socket = await rawSocket(server.port, people.docName, people.delegate.cookie);
    // Not through revokeSession, so no access change is noted.
    await t.db.session.update({ where: { id: people.delegate.sessionId }, data: { revokedAt: new Date() } });
    await server.recheckChanges();
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    await server.recheckAll();
    expect(await socket.closed).toBe(4401);
  });

  it("closes a connection whose session reaches its absolute limit, by the injected clock", async () => {
    const people = await tableWithPeople(t.db);
    let now = new Date();
    const own = await startServer(t.db, { now: () => now });
    const socket = await rawSocket(own.port, people.docName, people.delegate.cookie);
    await own.recheckChanges();
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    now = new Date(now.getTime() + 25 * 3_600_000);
    await own.recheckChanges();
    expect(await socket.closed).toBe(4401);
    await own.close();
  });

  it("counts editing as activity, so only a really idle session ends", async () => {
    const people = await tableWithPeople(t.db);
    let now = new Date();
    const own = await startServer(t.db, { now: () => now });
    const socket = await rawSocket(own.port, people.docName, people.delegate.cookie);
    now = new Date(now.getTime() + 7 * 3_600_000);
    socket.ws.send(textWrite("nog bezig"));
    await waitFor(async () => (await storedRows(t.db, people.docName)) === 1, "the write");
    await own.recheckChanges();
    now = new Date(now.getTime() + 7 * 3_600_000);
    await own.recheckChanges();
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    now = new Date(now.getTime() + 2 * 3_600_000);
    await own.recheckChanges();
    expect(await socket.closed).toBe(4401);
    await own.close();
  });

  it("refuses the writes of a member who has just become an observer", async () => {
    const people = await tableWithPeople(t.db);
    const member = connect(server.port, people.docName, people.delegate);
    await synced(member);
    member.doc.getText("t").insert(0, "toegestaan");
    await waitFor(async () => (await storedRows(t.db, people.docName)) === 1, "the first write");

    const socket = await rawSocket(server.port, people.docName, people.delegate.cookie);
    await changeRole(t.db, people.facilitatorAccountId, {
      tableId: people.tableId,
      membershipId: people.membership.delegate,
      role: "observer",
      reason: "test",
    });
    await server.recheckChanges();
    socket.ws.send(textWrite("niet meer"));
    await waitFor(() => socket.messages.some((m) => m[0] === MESSAGE_AUTH), "permission denied");
    expect(await storedRows(t.db, people.docName)).toBe(1);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.ws.close();
    member.destroy();
  });
});
