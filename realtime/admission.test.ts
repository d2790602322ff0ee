import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeSession } from "../features/identity/sessions.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import type { RealtimeServer } from "./server.ts";
import { cookieFor, LIMITS, outsider, rawSocket, SECRET, signedIn, startServer, tableWithPeople } from "./test-support.ts";

let t: TestDatabase;
let server: RealtimeServer;
let people: Awaited<ReturnType<typeof tableWithPeople>>;
beforeAll(async () => {
  t = await testDatabase();
  server = await startServer(t.db);
  people = await tableWithPeople(t.db);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

async function statusFor(cookie: string | null, options: { origin?: string; docName?: string } = {}) {
  const socket = await rawSocket(server.port, options.docName ?? people.docName, cookie, options);
  const received = socket.messages.length;
  socket.ws.terminate();
  return { status: socket.status, received };
}

describe("opening a live document", () => {
  it("admits a member with a valid session cookie", async () => {
    expect((await statusFor(people.delegate.cookie)).status).toBeNull();
  });

  it("refuses without a cookie, before any document state is sent", async () => {
    expect(await statusFor(null)).toEqual({ status: 401, received: 0 });
  });

  it("refuses a cookie signed with another secret", async () => {
    const cookie = await cookieFor(people.delegate.accountId, people.delegate.sessionId, {
      secret: "another-secret-that-is-long-enough-0123456789",
    });
    expect((await statusFor(cookie)).status).toBe(401);
  });

  it("refuses an expired token", async () => {
    const cookie = await cookieFor(people.delegate.accountId, people.delegate.sessionId, { maxAge: -60 });
    expect((await statusFor(cookie)).status).toBe(401);
  });

  it("refuses a tampered token", async () => {
    const [name, value] = people.delegate.cookie.split("=");
    const flipped = `${value?.slice(0, 40)}${value?.[40] === "A" ? "B" : "A"}${value?.slice(41)}`;
    expect((await statusFor(`${name}=${flipped}`)).status).toBe(401);
  });

  it("refuses a token whose claims name someone else's session", async () => {
    const token = await encode({ token: { sub: people.observer.accountId, sid: people.delegate.sessionId }, secret: SECRET });
    expect((await statusFor(`next-auth.session-token=${token}`)).status).toBe(401);
  });

  it("refuses a revoked session", async () => {
    const person = await signedIn(t.db, people.facilitatorAccountId);
    await revokeSession(t.db, person.sessionId, new Date());
    expect((await statusFor(person.cookie)).status).toBe(401);
  });

  it("refuses a session idle for longer than the limit", async () => {
    const person = await signedIn(t.db, people.facilitatorAccountId);
    await t.db.session.update({ where: { id: person.sessionId }, data: { lastSeenAt: new Date(Date.now() - LIMITS.idleMs - 1000) } });
    expect((await statusFor(person.cookie)).status).toBe(401);
  });

  it("refuses a facilitator whose second factor is overdue, as the web pages do", async () => {
    const person = await signedIn(t.db, people.facilitatorAccountId);
    expect((await statusFor(person.cookie)).status).toBeNull();
    const account = { id: people.facilitatorAccountId };
    await t.db.account.update({ where: account, data: { secondFactorDueAt: new Date(Date.now() - 1000) } });
    try {
      expect((await statusFor(person.cookie)).status).toBe(403);
    } finally {
      await t.db.account.update({ where: account, data: { secondFactorDueAt: null } });
    }
  });

  it("refuses a foreign Origin", async () => {
    expect((await statusFor(people.delegate.cookie, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("refuses someone who is not a member of the table, and unknown documents", async () => {
    const stranger = await outsider(t.db);
    expect((await statusFor(stranger.cookie)).status).toBe(403);
    expect((await statusFor(people.delegate.cookie, { docName: "notes:00000000-0000-4000-8000-000000000000" })).status).toBe(403);
    expect((await statusFor(people.delegate.cookie, { docName: "secret-things" })).status).toBe(403);
  });

  it("answers a badly escaped document name with 404, not a server error", async () => {
    expect((await statusFor(people.delegate.cookie, { docName: "notes%3A%E0%A4%A" })).status).toBe(404);
    expect((await statusFor(people.delegate.cookie, { docName: "%" })).status).toBe(404);
  });

  it("reads the https cookie name when the app runs on https", async () => {
    const secure = await startServer(t.db, { secureCookie: true });
    const httpsCookie = await cookieFor(people.delegate.accountId, people.delegate.sessionId, { secure: true });
    const ok = await rawSocket(secure.port, people.docName, httpsCookie);
    expect(ok.status).toBeNull();
    ok.ws.terminate();
    const plain = await rawSocket(secure.port, people.docName, people.delegate.cookie);
    expect(plain.status).toBe(401);
    await secure.close();
  });

  it("closes a client with another editor schema version, asking it to reload", async () => {
    const socket = await rawSocket(server.port, people.docName, people.delegate.cookie, { schema: "0" });
    expect(await socket.closed).toBe(4409);
  });
});
