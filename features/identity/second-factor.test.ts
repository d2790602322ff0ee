import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { keyringFrom, newVaultKey } from "../compensation/vault-crypto.ts";
import { eraseAccount } from "./erasure.ts";
import { issueRecoveryCode, recoverAccount } from "./recovery.ts";
import {
  codeAt,
  confirmSecondFactor,
  matchingStep,
  pendingSecondFactorSetup,
  removeSecondFactor,
  secondFactorOverview,
  startSecondFactorSetup,
} from "./second-factor.ts";
import { createSession } from "./sessions.ts";
import { signIn } from "./sign-in.ts";

const SECRET = "test-secret-for-second-factor-0123456789";
const ring = keyringFrom(newVaultKey());
const DAY = 86_400_000;
let t: TestDatabase;
let clock = Date.parse("2026-05-01T09:00:00Z");
let ipCounter = 0;

beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => t.close());

// Every test signs in from its own address at its own time, so throttle rows do not cross over.
function fresh() {
  clock += 30 * DAY;
  ipCounter += 1;
  return { now: new Date(clock), ip: `203.0.113.${ipCounter}` };
}

/** An account with a confirmed second factor, its secret, and the time it was confirmed. */
async function enrolled() {
  const account = await makeAccount(t.db);
  const { now, ip } = fresh();
  const sessionId = await createSession(t.db, account.id, now);
  await startSecondFactorSetup(t.db, account.id, ring, now);
  const setup = await pendingSecondFactorSetup(t.db, account.id, ring);
  if (!setup) throw new Error("no setup");
  await confirmSecondFactor(t.db, { accountId: account.id, sessionId }, codeAt(setup.secret, now), ring, now);
  return { account, secret: setup.secret, now, ip, sessionId };
}

const attempt = (account: { signInName: string; passphrase: string }, code: string | undefined, at: Date, ip: string) =>
  signIn(t.db, { signInName: account.signInName, passphrase: account.passphrase, code, ip }, { secret: SECRET, now: () => at, ring });

describe("setting up a second factor", () => {
  it("shows a new secret as a QR code until a first code confirms it, and stores it only sealed", async () => {
    const account = await makeAccount(t.db);
    const { now } = fresh();
    const sessionId = await createSession(t.db, account.id, now);
    await startSecondFactorSetup(t.db, account.id, ring, now);
    const setup = await pendingSecondFactorSetup(t.db, account.id, ring);
    expect(setup?.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup?.uri).toMatch(/^otpauth:\/\/totp\/Tafel:Tafel\?issuer=Tafel&secret=/);
    expect(setup?.qr.size).toBeGreaterThanOrEqual(21);
    expect(setup?.qr.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    const row = await t.db.secondFactor.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(row.sealedSecret).not.toContain(setup?.secret);
    expect((await secondFactorOverview(t.db, account.id, now, 7)).requirement).toBe("optional");

    await expect(confirmSecondFactor(t.db, { accountId: account.id, sessionId }, "000000", ring, now)).rejects.toMatchObject({
      code: "SECOND_FACTOR_CODE_INVALID",
      details: { field: "code" },
    });
    expect((await t.db.secondFactor.findUniqueOrThrow({ where: { accountId: account.id } })).confirmedAt).toBeNull();
  });

  it("turns on with a right code, ends the person's other sessions and logs it", async () => {
    const account = await makeAccount(t.db);
    const { now } = fresh();
    const other = await createSession(t.db, account.id, now);
    const current = await createSession(t.db, account.id, now);
    await startSecondFactorSetup(t.db, account.id, ring, now);
    const setup = await pendingSecondFactorSetup(t.db, account.id, ring);
    await confirmSecondFactor(t.db, { accountId: account.id, sessionId: current }, codeAt(setup?.secret ?? "", now), ring, now);

    const overview = await secondFactorOverview(t.db, account.id, now, 7);
    expect(overview).toMatchObject({ requirement: "enabled", enabledAt: now, pending: false });
    expect((await t.db.session.findUniqueOrThrow({ where: { id: other } })).revokedAt).toEqual(now);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: current } })).revokedAt).toBeNull();
    const events = await t.db.auditEvent.findMany({ where: { accountId: account.id }, select: { action: true, data: true } });
    expect(events).toContainEqual({ action: "account.second_factor_enabled", data: { endedSessions: 1 } });
    await expect(startSecondFactorSetup(t.db, account.id, ring, now)).rejects.toMatchObject({ code: "SECOND_FACTOR_ALREADY_ENABLED" });
  });

  it("keeps the secret bound to its account: copied onto another account's row it does not open", async () => {
    const { account } = await enrolled();
    const thief = await makeAccount(t.db);
    const row = await t.db.secondFactor.findUniqueOrThrow({ where: { accountId: account.id } });
    await t.db.secondFactor.create({ data: { accountId: thief.id, keyId: row.keyId, sealedSecret: row.sealedSecret } });
    await expect(pendingSecondFactorSetup(t.db, thief.id, ring)).rejects.toThrow();
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code after the right passphrase, and opens no session without it", async () => {
    const { account, now, ip } = await enrolled();
    const sessions = await t.db.session.count({ where: { accountId: account.id } });
    await expect(attempt(account, undefined, now, ip)).rejects.toMatchObject({ code: "SIGN_IN_CODE_REQUIRED" });
    await expect(attempt(account, "  ", now, ip)).rejects.toMatchObject({ code: "SIGN_IN_CODE_REQUIRED" });
    expect(await t.db.session.count({ where: { accountId: account.id } })).toBe(sessions);
  });

  it("opens a session with the code of now or of the step before, never with one used already or an older one", async () => {
    const { account, secret, now, ip } = await enrolled();
    const later = new Date(now.getTime() + 5 * 60_000);
    const result = await attempt(account, codeAt(secret, new Date(later.getTime() - 30_000)), later, ip);
    expect(result.accountId).toBe(account.id);
    // The same code again (a replay within its 30 seconds) and a code of two steps ago are refused.
    await expect(attempt(account, codeAt(secret, new Date(later.getTime() - 30_000)), later, ip)).rejects.toMatchObject({
      code: "SIGN_IN_CODE_INVALID",
    });
    await expect(attempt(account, codeAt(secret, new Date(later.getTime() - 60_000)), later, ip)).rejects.toMatchObject({
      code: "SIGN_IN_CODE_INVALID",
    });
    const events = await t.db.auditEvent.findMany({ where: { accountId: account.id, action: "session.second_factor_failed" } });
    expect(events).toHaveLength(2);
    expect((await attempt(account, codeAt(secret, later), later, ip)).accountId).toBe(account.id);
  });

  it("counts wrong codes as failed sign-ins, so guessing codes is throttled like guessing passphrases", async () => {
    const { account, secret, now, ip } = await enrolled();
    const later = new Date(now.getTime() + 60_000);
    for (let i = 0; i < 5; i += 1) {
      await expect(attempt(account, `${(123456 + i) % 1_000_000}`.padStart(6, "0"), later, ip)).rejects.toMatchObject({
        code: "SIGN_IN_CODE_INVALID",
      });
    }
    await expect(attempt(account, codeAt(secret, later), later, ip)).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED" });
  });

  it("reads only six digits, with spaces allowed, within one step either side", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const at = new Date("2026-12-03T12:00:10Z");
    const code = codeAt(secret, at);
    expect(matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(Math.floor(at.getTime() / 30_000));
    expect(matchingStep(secret, code, new Date(at.getTime() + 30_000))).not.toBeNull();
    expect(matchingStep(secret, code, new Date(at.getTime() + 90_000))).toBeNull();
    for (const bad of [undefined, 123456, "", "12345", "1234567", "abcdef"]) expect(matchingStep(secret, bad, at)).toBeNull();
  });
});

describe("when a second factor is required", () => {
  it("gives a new facilitator a grace period, then requires it; leaving the role lifts it", async () => {
    const { facilitator } = await makeTable(t.db);
    const { now } = fresh();
    const first = await secondFactorOverview(t.db, facilitator.accountId, now, 7);
    expect(first).toMatchObject({ requirement: "due", dueAt: new Date(now.getTime() + 7 * DAY), holdsSecondFactorRole: true });
    // The date is set once, not moved on by later visits.
    expect((await secondFactorOverview(t.db, facilitator.accountId, new Date(now.getTime() + DAY), 7)).dueAt).toEqual(first.dueAt);
    expect((await secondFactorOverview(t.db, facilitator.accountId, new Date(now.getTime() + 7 * DAY), 7)).requirement).toBe("required");

    await t.db.membership.update({ where: { id: facilitator.membershipId }, data: { leftAt: now } });
    const after = await secondFactorOverview(t.db, facilitator.accountId, new Date(now.getTime() + 8 * DAY), 7);
    expect(after).toMatchObject({ requirement: "optional", dueAt: null });
    expect((await t.db.account.findUniqueOrThrow({ where: { id: facilitator.accountId } })).secondFactorDueAt).toBeNull();
  });

  it("asks a treasurer too, and nobody in the other roles", async () => {
    const { members } = await makeTable(t.db, ["treasurer", "chair", "secretary", "delegate", "observer"]);
    const { now } = fresh();
    const requirements = await Promise.all(
      members.map(async (m) => [m.role, (await secondFactorOverview(t.db, m.accountId, now, 0)).requirement]),
    );
    expect(Object.fromEntries(requirements)).toEqual({
      treasurer: "required",
      chair: "optional",
      secretary: "optional",
      delegate: "optional",
      observer: "optional",
    });
  });

  it("lets a person without such a role switch it off with a current code, and refuses a facilitator", async () => {
    const { account, secret, now } = await enrolled();
    const later = new Date(now.getTime() + 60_000);
    await expect(removeSecondFactor(t.db, account.id, "111111", ring, later)).rejects.toMatchObject({ code: "SECOND_FACTOR_CODE_INVALID" });
    await removeSecondFactor(t.db, account.id, codeAt(secret, later), ring, later);
    expect(await t.db.secondFactor.findUnique({ where: { accountId: account.id } })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { accountId: account.id, action: "account.second_factor_removed" } })).toBe(1);

    const { tableId } = await makeTable(t.db);
    const boss = await enrolled();
    await t.db.membership.create({ data: { tableId, accountId: boss.account.id, role: "treasurer" } });
    const then = new Date(boss.now.getTime() + 60_000);
    await expect(removeSecondFactor(t.db, boss.account.id, codeAt(boss.secret, then), ring, then)).rejects.toMatchObject({
      code: "SECOND_FACTOR_REQUIRED_FOR_ROLE",
    });
    expect(await t.db.secondFactor.findUnique({ where: { accountId: boss.account.id } })).not.toBeNull();
  });
});

/** Uses a recovery code (makeAccount keeps none, so one is issued first); returns the new passphrase. */
async function recoverWithCode(account: { id: string; signInName: string }, now: Date, ip: string): Promise<string> {
  const recoveryCode = await issueRecoveryCode(t.db, account.id, now);
  const passphrase = "een nieuwe zin na verlies";
  await recoverAccount(
    t.db,
    { signInName: account.signInName, recoveryCode, passphrase, passphraseRepeat: passphrase },
    { secret: SECRET, ip, now },
  );
  return passphrase;
}

describe("a lost phone and an erased account", () => {
  it("switches the second factor off when the recovery code is used, and logs why", async () => {
    const { account, now, ip } = await enrolled();
    const passphrase = await recoverWithCode(account, now, ip);
    expect(await t.db.secondFactor.findUnique({ where: { accountId: account.id } })).toBeNull();
    const events = await t.db.auditEvent.findMany({
      where: { accountId: account.id, action: "account.second_factor_removed" },
      select: { data: true },
    });
    expect(events).toEqual([{ data: { by: "recovery" } }]);
    expect((await attempt({ signInName: account.signInName, passphrase }, undefined, now, ip)).accountId).toBe(account.id);
    // Without a facilitator's or treasurer's role, nothing more is asked of them.
    expect((await secondFactorOverview(t.db, account.id, now, 7)).requirement).toBe("optional");
  });

  it("requires a facilitator who recovered their account to set the second factor up again at once", async () => {
    const { tableId } = await makeTable(t.db);
    const { account, now, ip } = await enrolled();
    await t.db.membership.create({ data: { tableId, accountId: account.id, role: "facilitator" } });
    await recoverWithCode(account, now, ip);
    expect((await secondFactorOverview(t.db, account.id, now, 7)).requirement).toBe("required");
  });

  it("deletes the second factor with the account", async () => {
    const { account, now } = await enrolled();
    await eraseAccount(t.db, account.id, { passphrase: account.passphrase }, now);
    expect(await t.db.secondFactor.findUnique({ where: { accountId: account.id } })).toBeNull();
  });
});
