import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, uniqueName } from "../../test/factories.ts";
import { signIn } from "./sign-in.ts";
import { THROTTLE_WINDOW_MS } from "./throttle.ts";

const SECRET = "test-secret-for-throttle-keys-0123456789";
const MINUTE = 60_000;

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

// Every test gets its own IP and point in time, so throttle rows of one test never count in another.
let ipCounter = 0;
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}
let epoch = Date.parse("2026-03-01T09:00:00Z");
function freshClock() {
  epoch += 7 * 24 * 3_600_000;
  let current = epoch;
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}

function attempt(signInName: string, passphrase: string, ip: string | null, clock: { now: () => Date }) {
  return signIn(t.db, { signInName, passphrase, ip }, { secret: SECRET, now: clock.now });
}

describe("signing in", () => {
  it("opens a session with the right passphrase, also when the name is typed in another case", async () => {
    const account = await makeAccount(t.db);
    const clock = freshClock();
    const result = await attempt(`  ${account.signInName.toUpperCase()} `, account.passphrase, freshIp(), clock);
    expect(result.accountId).toBe(account.id);
    const session = await t.db.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ accountId: account.id, revokedAt: null, createdAt: clock.now(), lastSeenAt: clock.now() });
    const actions = await t.db.auditEvent.findMany({ where: { accountId: account.id }, select: { action: true } });
    expect(actions.map((event) => event.action)).toContain("session.signed_in");
  });

  it("gives the same answer for a wrong passphrase and for an unknown name, and opens no session", async () => {
    const account = await makeAccount(t.db);
    const clock = freshClock();
    const sessionsBefore = await t.db.session.count();
    await expect(attempt(account.signInName, "niet de goede zin hoor", freshIp(), clock)).rejects.toMatchObject({
      code: "SIGN_IN_FAILED",
      details: {},
    });
    await expect(attempt(uniqueName("nobody"), account.passphrase, freshIp(), clock)).rejects.toMatchObject({
      code: "SIGN_IN_FAILED",
      details: {},
    });
    await expect(attempt("", "", freshIp(), clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED", details: {} });
    expect(await t.db.session.count()).toBe(sessionsBefore);
  });
});

describe("throttling", () => {
  it("after 5 failures in 15 minutes delays the account, even for the right passphrase, until the window has passed", async () => {
    const account = await makeAccount(t.db);
    const clock = freshClock();
    const firstFailure = clock.now().getTime();
    for (let i = 0; i < 5; i++) {
      // Different IPs: this is the per-account limit, not the per-IP one.
      await expect(attempt(account.signInName, `verkeerde zin nummer ${i}`, freshIp(), clock)).rejects.toMatchObject({
        code: "SIGN_IN_FAILED",
      });
      clock.advance(MINUTE);
    }
    const sessionsBefore = await t.db.session.count({ where: { accountId: account.id } });
    const throttled = attempt(account.signInName, account.passphrase, freshIp(), clock);
    await expect(throttled).rejects.toMatchObject({
      code: "SIGN_IN_THROTTLED",
      details: { retryAt: new Date(firstFailure + THROTTLE_WINDOW_MS).toISOString() },
    });
    // Other spellings of the same name share the limit.
    await expect(attempt(account.signInName.toUpperCase(), account.passphrase, freshIp(), clock)).rejects.toMatchObject({
      code: "SIGN_IN_THROTTLED",
    });
    expect(await t.db.session.count({ where: { accountId: account.id } })).toBe(sessionsBefore);

    clock.advance(firstFailure + THROTTLE_WINDOW_MS - clock.now().getTime() - 1);
    await expect(attempt(account.signInName, account.passphrase, freshIp(), clock)).rejects.toMatchObject({
      code: "SIGN_IN_THROTTLED",
    });
    clock.advance(1);
    const result = await attempt(account.signInName, account.passphrase, freshIp(), clock);
    expect(result.accountId).toBe(account.id);
  });

  it("does not count refused attempts, so waiting out the window is enough", async () => {
    const account = await makeAccount(t.db);
    const clock = freshClock();
    for (let i = 0; i < 5; i++) {
      await expect(attempt(account.signInName, "verkeerde zin hoor", null, clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    }
    for (let i = 0; i < 10; i++) {
      clock.advance(MINUTE);
      await expect(attempt(account.signInName, "verkeerde zin hoor", null, clock)).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED" });
    }
    clock.advance(THROTTLE_WINDOW_MS - 10 * MINUTE);
    await expect(attempt(account.signInName, account.passphrase, null, clock)).resolves.toMatchObject({ accountId: account.id });
  });

  it("leaves other accounts alone while one account is throttled", async () => {
    const victim = await makeAccount(t.db);
    const bystander = await makeAccount(t.db);
    const clock = freshClock();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      await expect(attempt(victim.signInName, "verkeerde zin hoor", ip, clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    }
    await expect(attempt(victim.signInName, victim.passphrase, ip, clock)).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED" });
    await expect(attempt(bystander.signInName, bystander.passphrase, ip, clock)).resolves.toMatchObject({ accountId: bystander.id });
  });

  it("after 30 failures from one IP across different names delays every attempt from that IP, and no other", async () => {
    const account = await makeAccount(t.db);
    const clock = freshClock();
    const ip = freshIp();
    for (let i = 0; i < 30; i++) {
      await expect(attempt(uniqueName("guess"), "verkeerde zin hoor", ip, clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    }
    await expect(attempt(account.signInName, account.passphrase, ip, clock)).rejects.toMatchObject({
      code: "SIGN_IN_THROTTLED",
      details: { retryAt: new Date(clock.now().getTime() + THROTTLE_WINDOW_MS).toISOString() },
    });
    await expect(attempt(account.signInName, account.passphrase, freshIp(), clock)).resolves.toMatchObject({ accountId: account.id });
    clock.advance(THROTTLE_WINDOW_MS);
    await expect(attempt(account.signInName, account.passphrase, ip, clock)).resolves.toMatchObject({ accountId: account.id });
  });

  it("stores failures under HMAC keys only: no sign-in name or IP address in the table", async () => {
    const account = await makeAccount(t.db);
    const clock = freshClock();
    const ip = "203.0.113.77";
    const unknown = uniqueName("unknown");
    await expect(attempt(account.signInName, "verkeerde zin hoor", ip, clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    await expect(attempt(unknown, "verkeerde zin hoor", ip, clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    const rows = await t.db.signInFailure.findMany({
      where: { createdAt: clock.now() },
      select: { scope: true, keyHash: true },
    });
    expect(rows.map((row) => row.scope).sort()).toEqual(["account", "account", "ip", "ip"]);
    for (const row of rows) expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(await t.db.signInFailure.findMany({ select: { scope: true, keyHash: true, createdAt: true } }));
    for (const secret of [account.signInName, unknown, ip, "203.0.113"]) expect(dump).not.toContain(secret);
    // Both failures from the one IP share a key; the two names do not.
    const ipKeys = new Set(rows.filter((row) => row.scope === "ip").map((row) => row.keyHash));
    const accountKeys = new Set(rows.filter((row) => row.scope === "account").map((row) => row.keyHash));
    expect(ipKeys.size).toBe(1);
    expect(accountKeys.size).toBe(2);
  });

  it("forgets failures after 24 hours", async () => {
    const account = await makeAccount(t.db);
    const clock = freshClock();
    const start = clock.now();
    await expect(attempt(account.signInName, "verkeerde zin hoor", freshIp(), clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    expect(await t.db.signInFailure.count({ where: { createdAt: start } })).toBe(2);
    clock.advance(24 * 3_600_000 + 1);
    await expect(attempt(account.signInName, "verkeerde zin hoor", freshIp(), clock)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    expect(await t.db.signInFailure.count({ where: { createdAt: start } })).toBe(0);
  });
});
