// People who end a session, change their passphrase, leave or are removed lose their open live
// documents at the server's next re-check (called directly here instead of waiting for its timer).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassphrase } from "../features/identity/accounts.ts";
import { activeSession, endOwnSession } from "../features/identity/sessions.ts";
import { leaveTable, removeMember } from "../features/tables/members.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { PASSPHRASE } from "../test/factories.ts";
import { CLOSE } from "./protocol.ts";
import type { RealtimeServer } from "./server.ts";
import { connect, LIMITS, rawSocket, signedIn, startServer, synced, tableWithPeople } from "./test-support.ts";

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

async function sessionOf(person: { sessionId: string }) {
  const session = await activeSession(t.db, person.sessionId, LIMITS, new Date());
  if (!session) throw new Error("session ended early");
  return session;
}

describe("open live-document connections", () => {
  it("close when their session is ended from another session's settings", async () => {
    const people = await tableWithPeople(t.db);
    const phone = await signedIn(t.db, people.delegate.accountId);
    const onPhone = await rawSocket(server.port, people.docName, phone.cookie);
    const onLaptop = connect(server.port, people.docName, people.delegate);
    await synced(onLaptop);
    await endOwnSession(t.db, await sessionOf(people.delegate), phone.sessionId, new Date());
    await server.recheckAll();
    expect(await onPhone.closed).toBe(CLOSE.sessionEnded);
    // The session that ended the other keeps its document.
    expect(onLaptop.provider.wsconnected).toBe(true);
    onLaptop.destroy();
  });

  it("of one's other sessions close when the passphrase changes", async () => {
    const people = await tableWithPeople(t.db);
    const phone = await signedIn(t.db, people.delegate.accountId);
    const onPhone = await rawSocket(server.port, people.docName, phone.cookie);
    const onLaptop = await rawSocket(server.port, people.docName, people.delegate.cookie);
    await changePassphrase(
      t.db,
      { accountId: people.delegate.accountId, sessionId: people.delegate.sessionId },
      { currentPassphrase: PASSPHRASE, passphrase: "een heel nieuwe zin hier", passphraseRepeat: "een heel nieuwe zin hier" },
      { secret: "realtime-test-throttle-secret-0123456789", ip: null },
    );
    await server.recheckAll();
    expect(await onPhone.closed).toBe(CLOSE.sessionEnded);
    expect(onLaptop.ws.readyState).toBe(onLaptop.ws.OPEN);
    onLaptop.ws.close();
  });

  it("close for a member the facilitator removed, and for one who left; others stay", async () => {
    const people = await tableWithPeople(t.db);
    const removed = await rawSocket(server.port, people.docName, people.delegate.cookie);
    const leaving = await rawSocket(server.port, people.docName, people.observer.cookie);
    const staying = await rawSocket(server.port, people.docName, people.facilitator.cookie);
    await removeMember(t.db, people.facilitatorAccountId, { tableId: people.tableId, membershipId: people.membership.delegate });
    await leaveTable(t.db, people.observer.accountId, people.tableId);
    await server.recheckAll();
    expect(await removed.closed).toBe(CLOSE.noAccess);
    expect(await leaving.closed).toBe(CLOSE.noAccess);
    expect(staying.ws.readyState).toBe(staying.ws.OPEN);
    // And they cannot open it again.
    expect((await rawSocket(server.port, people.docName, people.delegate.cookie)).status).toBe(403);
    staying.ws.close();
  });
});
