import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount } from "../../test/factories.ts";
import { serverEnvSchema, sessionLimitsFrom } from "../config/env.ts";
import { activeSession, createSession, endOwnSession, revokeSession, sessionDeadline, sessionsOf } from "./sessions.ts";

const HOUR = 3_600_000;
// The limits a server gets when SESSION_IDLE_MINUTES and SESSION_MAX_HOURS are not set.
const limits = sessionLimitsFrom(serverEnvSchema.pick({ SESSION_IDLE_MINUTES: true, SESSION_MAX_HOURS: true }).parse({}));

let t: TestDatabase;
let accountId: string;
beforeAll(async () => {
  t = await testDatabase();
  accountId = (await makeAccount(t.db, { pseudonym: "Zeearend" })).id;
});
afterAll(async () => {
  await t.close();
});

const start = new Date("2026-05-04T08:00:00Z");
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

describe("sessions", () => {
  it("default to an 8 hour idle limit and a 24 hour absolute limit", () => {
    expect(limits).toEqual({ idleMs: 8 * HOUR, maxMs: 24 * HOUR });
  });

  it("are active right after sign-in and tell who is signed in", async () => {
    const sessionId = await createSession(t.db, accountId, start);
    expect(await activeSession(t.db, sessionId, limits, at(0.5))).toEqual({
      sessionId,
      accountId,
      pseudonym: "Zeearend",
      presenceEnabled: false,
      locale: "nl",
    });
  });

  it("end after 8 hours without activity", async () => {
    const sessionId = await createSession(t.db, accountId, start);
    expect(await activeSession(t.db, sessionId, limits, new Date(at(8).getTime() - 1))).not.toBeNull();
    expect(await activeSession(t.db, sessionId, limits, at(8))).toBeNull();
    expect(await activeSession(t.db, sessionId, limits, at(9), { touch: true })).toBeNull();
  });

  it("stay active while used: each touch pushes the idle limit forward", async () => {
    const sessionId = await createSession(t.db, accountId, start);
    for (const hour of [7, 14, 21]) {
      expect(await activeSession(t.db, sessionId, limits, at(hour), { touch: true }), `at ${hour} h`).not.toBeNull();
    }
    const row = await t.db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.lastSeenAt).toEqual(at(21));
    expect(sessionDeadline(row, limits)).toEqual(at(24));
  });

  it("checks without touching leave the idle limit where it was", async () => {
    const sessionId = await createSession(t.db, accountId, start);
    expect(await activeSession(t.db, sessionId, limits, at(7))).not.toBeNull();
    expect(await activeSession(t.db, sessionId, limits, at(9))).toBeNull();
  });

  it("end 24 hours after sign-in even when used all the time", async () => {
    const sessionId = await createSession(t.db, accountId, start);
    for (let hour = 1; hour < 24; hour += 1) {
      expect(await activeSession(t.db, sessionId, limits, at(hour), { touch: true }), `at ${hour} h`).not.toBeNull();
    }
    expect(await activeSession(t.db, sessionId, limits, new Date(at(24).getTime() - 1), { touch: true })).not.toBeNull();
    expect(await activeSession(t.db, sessionId, limits, at(24), { touch: true })).toBeNull();
  });

  it("end when revoked (sign-out), which is recorded in the audit log", async () => {
    const sessionId = await createSession(t.db, accountId, start);
    await revokeSession(t.db, sessionId, at(1));
    expect(await activeSession(t.db, sessionId, limits, at(1))).toBeNull();
    expect(await activeSession(t.db, sessionId, limits, at(2), { touch: true })).toBeNull();
    const row = await t.db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.revokedAt).toEqual(at(1));
    const events = await t.db.auditEvent.findMany({
      where: { accountId, action: "session.signed_out" },
      select: { createdAt: true },
    });
    expect(events).toEqual([{ createdAt: at(1) }]);
    // Signing out again is harmless and not recorded twice.
    await revokeSession(t.db, sessionId, at(3));
    expect(await t.db.auditEvent.count({ where: { accountId, action: "session.signed_out" } })).toBe(1);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).toEqual(at(1));
  });

  it("revoking one session leaves the account's other sessions open", async () => {
    const phone = await createSession(t.db, accountId, start);
    const laptop = await createSession(t.db, accountId, start);
    await revokeSession(t.db, phone, at(1));
    expect(await activeSession(t.db, laptop, limits, at(1))).not.toBeNull();
  });

  it("treat unknown, malformed and missing ids as signed out", async () => {
    expect(await activeSession(t.db, "00000000-0000-4000-8000-000000000000", limits, start)).toBeNull();
    expect(await activeSession(t.db, "not-a-session", limits, start)).toBeNull();
    expect(await activeSession(t.db, undefined, limits, start)).toBeNull();
    await expect(revokeSession(t.db, "not-a-session", start)).resolves.toBeUndefined();
  });
});

describe("one's own sessions", () => {
  it("are listed with when they began and were last seen, the current one marked, ended ones left out", async () => {
    const person = await makeAccount(t.db);
    const laptop = await createSession(t.db, person.id, start);
    const phone = await createSession(t.db, person.id, at(1));
    const gone = await createSession(t.db, person.id, at(1));
    await revokeSession(t.db, gone, at(2));
    await activeSession(t.db, phone, limits, at(3), { touch: true });
    const current = await activeSession(t.db, laptop, limits, at(3));
    if (!current) throw new Error("laptop session ended");
    const list = await sessionsOf(t.db, current, limits, at(3));
    expect(list).toEqual([
      { id: phone, createdAt: at(1), lastSeenAt: at(3), current: false },
      { id: laptop, createdAt: start, lastSeenAt: start, current: true },
    ]);
    // Idle ones have ended too.
    expect((await sessionsOf(t.db, current, limits, at(9))).map((s) => s.id)).toEqual([phone]);
  });

  it("can be ended one by one, recorded by ids only; someone else's session cannot", async () => {
    const person = await makeAccount(t.db, { pseudonym: "Robijn" });
    const other = await makeAccount(t.db);
    const laptop = await createSession(t.db, person.id, start);
    const phone = await createSession(t.db, person.id, start);
    const theirs = await createSession(t.db, other.id, start);
    const current = await activeSession(t.db, laptop, limits, at(1));
    if (!current) throw new Error("laptop session ended");
    await endOwnSession(t.db, current, phone, at(1));
    expect(await activeSession(t.db, phone, limits, at(1))).toBeNull();
    expect(await activeSession(t.db, laptop, limits, at(1))).not.toBeNull();
    await expect(endOwnSession(t.db, current, theirs, at(1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endOwnSession(t.db, current, phone, at(1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endOwnSession(t.db, current, "not-a-session", at(1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await activeSession(t.db, theirs, limits, at(1))).not.toBeNull();
    const events = await t.db.auditEvent.findMany({ where: { accountId: person.id, action: "session.ended" }, select: { data: true } });
    expect(events).toEqual([{ data: { session: phone, by: laptop } }]);
    expect(JSON.stringify(events)).not.toContain("Robijn");
  });
});
