import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, uniqueName } from "../../test/factories.ts";
import { changePassphrase, createAccount, signUp as signUpFromWeb, validateSignUp } from "./accounts.ts";
import { commonPassphraseCount, passphraseProblem, verifyPassphrase } from "./passphrase.ts";
import { createSession } from "./sessions.ts";
import { SIGN_UP_LIMIT, THROTTLE_WINDOW_MS } from "./throttle.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

async function rowCounts() {
  return { accounts: await t.db.account.count(), audit: await t.db.auditEvent.count() };
}

function signUp(overrides: Partial<{ signInName: string; pseudonym: string; passphrase: string; passphraseRepeat: string }> = {}) {
  const passphrase = overrides.passphrase ?? "lantaarn bij de haven 7";
  return createAccount(t.db, {
    signInName: uniqueName("signup"),
    pseudonym: "Saffier",
    passphrase,
    passphraseRepeat: passphrase,
    ...overrides,
  });
}

describe("creating an account", () => {
  it("needs only a sign-in name, a pseudonym and a passphrase, and stores no plain passphrase", async () => {
    const account = await createAccount(t.db, {
      signInName: "Saffier.RLL",
      pseudonym: "Saffier",
      passphrase: "lantaarn bij de haven 7",
      passphraseRepeat: "lantaarn bij de haven 7",
    });
    const stored = await t.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.signInName).toBe("saffier.rll");
    expect(stored.pseudonym).toBe("Saffier");
    expect(stored.passphraseHash).toMatch(/^\$argon2id\$/);
    expect(stored.passphraseHash).not.toContain("lantaarn");
  });

  it("hashes with argon2id at no less than the OWASP minimum, and the hash verifies only the right passphrase", async () => {
    const account = await makeAccount(t.db, { passphrase: "zeven zeilen op de zuiderzee" });
    const { passphraseHash } = await t.db.account.findUniqueOrThrow({ where: { id: account.id } });
    const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passphraseHash);
    expect(params).not.toBeNull();
    const [m, tCost] = [Number(params?.[1]), Number(params?.[2])];
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(tCost).toBeGreaterThanOrEqual(2);
    expect(await verifyPassphrase(passphraseHash, "zeven zeilen op de zuiderzee")).toBe(true);
    expect(await verifyPassphrase(passphraseHash, "zeven zeilen op de Zuiderzee")).toBe(false);
  });

  it("records the sign-up in the audit log by account id only", async () => {
    const account = await makeAccount(t.db, { signInName: uniqueName("audited"), pseudonym: "Kwartel" });
    const events = await t.db.auditEvent.findMany({ where: { accountId: account.id }, select: { action: true, data: true } });
    expect(events.map((event) => event.action)).toEqual(["account.created"]);
    expect(JSON.stringify(events)).not.toContain(account.signInName);
    expect(JSON.stringify(events)).not.toContain("Kwartel");
  });

  it("refuses a sign-in name that is already taken, whatever its letter case", async () => {
    const name = uniqueName("taken");
    await signUp({ signInName: name });
    const before = await rowCounts();
    await expect(signUp({ signInName: name.toUpperCase() })).rejects.toMatchObject({
      code: "SIGN_IN_NAME_TAKEN",
      details: { field: "signInName" },
    });
    await expect(signUp({ signInName: `  ${name}  ` })).rejects.toMatchObject({ code: "SIGN_IN_NAME_TAKEN" });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses invalid input with a specific code and changes nothing", async () => {
    const before = await rowCounts();
    const cases: [Parameters<typeof signUp>[0], string, string][] = [
      [{ passphrase: "kort maar 1" }, "PASSPHRASE_TOO_SHORT", "passphrase"],
      [{ passphrase: "password12345678" }, "PASSPHRASE_COMMON", "passphrase"],
      [{ passphrase: "lantaarn bij de haven 7", passphraseRepeat: "lantaarn bij de haven 8" }, "PASSPHRASE_MISMATCH", "passphraseRepeat"],
      [{ signInName: "x" }, "SIGN_IN_NAME_INVALID", "signInName"],
      [{ signInName: "naam met spaties" }, "SIGN_IN_NAME_INVALID", "signInName"],
      [{ pseudonym: "   " }, "PSEUDONYM_INVALID", "pseudonym"],
      [{ pseudonym: "<script>" }, "PSEUDONYM_INVALID", "pseudonym"],
    ];
    for (const [input, code, field] of cases) {
      await expect(signUp(input), code).rejects.toMatchObject({ code, details: { field } });
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe("passphrase rules", () => {
  it("name every problem of a sign-up at once: a short passphrase and a repetition that differs", () => {
    const attempt = () => validateSignUp({ signInName: "x", pseudonym: "Iris", passphrase: "te kort", passphraseRepeat: "anders" });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: "SIGN_IN_NAME_INVALID",
        details: { field: "signInName" },
        otherFields: [
          { code: "PASSPHRASE_TOO_SHORT", field: "passphrase" },
          { code: "PASSPHRASE_MISMATCH", field: "passphraseRepeat" },
        ],
      }),
    );
  });

  it("refuses passphrases shorter than 12 characters, counting characters rather than bytes", () => {
    expect(passphraseProblem("")).toBe("PASSPHRASE_TOO_SHORT");
    expect(passphraseProblem("elf tekens!")).toBe("PASSPHRASE_TOO_SHORT");
    expect(passphraseProblem("twaalf teken")).toBeNull();
    // 11 characters that take more than 12 UTF-16 units still count as 11.
    expect(passphraseProblem("🦆🦆🦆 eendjes")).toBe("PASSPHRASE_TOO_SHORT");
  });

  it("refuses passphrases from the committed list, in any letter case", () => {
    expect(passphraseProblem("qwerty123456")).toBe("PASSPHRASE_COMMON");
    expect(passphraseProblem("1qaz2wsx3edc")).toBe("PASSPHRASE_COMMON");
    expect(passphraseProblem("Correct Horse Battery Staple")).toBe("PASSPHRASE_COMMON");
    expect(passphraseProblem("correcthorsebatterystaple")).toBe("PASSPHRASE_COMMON");
  });

  it("refuses a common word padded to length with trailing digits or punctuation", () => {
    expect(passphraseProblem("password12345678")).toBe("PASSPHRASE_COMMON");
    expect(passphraseProblem("Wachtwoord2024!")).toBe("PASSPHRASE_COMMON");
    expect(passphraseProblem("iloveyou!!!!!!")).toBe("PASSPHRASE_COMMON");
    expect(passphraseProblem("sunshine_2026")).toBe("PASSPHRASE_COMMON");
  });

  it("refuses one character repeated", () => {
    expect(passphraseProblem("aaaaaaaaaaaaaaa")).toBe("PASSPHRASE_COMMON");
  });

  it("accepts a long passphrase that merely contains a common word", () => {
    expect(passphraseProblem("mijn password is geheim")).toBeNull();
  });

  it("checks against a committed list of at least 1,000 common passphrases", () => {
    expect(commonPassphraseCount()).toBeGreaterThanOrEqual(1_000);
  });
});

describe("signing up from the web", () => {
  const SECRET = "test-secret-for-sign-up-keys-0123456789";
  let epoch = Date.parse("2026-04-01T09:00:00Z");
  function laterStart(): number {
    epoch += 7 * 24 * 3_600_000;
    return epoch;
  }
  function webSignUp(ip: string | null, at: number, overrides: Partial<Parameters<typeof signUpFromWeb>[1]> = {}) {
    const passphrase = "lantaarn bij de haven 7";
    return signUpFromWeb(
      t.db,
      { signInName: uniqueName("web"), pseudonym: "Saffier", passphrase, passphraseRepeat: passphrase, ...overrides },
      { ip, secret: SECRET, now: new Date(at), consent: { terms: true, listed: true, attribution: "organisation" } },
    );
  }

  it(`allows ${SIGN_UP_LIMIT} sign-ups per address in ${THROTTLE_WINDOW_MS / 60_000} minutes, then delays that address only`, async () => {
    const start = laterStart();
    const ip = "192.0.2.10";
    for (let i = 0; i < SIGN_UP_LIMIT; i++) await webSignUp(ip, start + i * 1000);
    const accounts = await t.db.account.count();
    await expect(webSignUp(ip, start + 60_000)).rejects.toMatchObject({
      code: "SIGN_UP_THROTTLED",
      details: { retryAt: new Date(start + THROTTLE_WINDOW_MS).toISOString() },
    });
    expect(await t.db.account.count()).toBe(accounts);
    // Another address is not held up; and once the first sign-up leaves the window, one more may go.
    await expect(webSignUp("192.0.2.11", start + 60_000)).resolves.toMatchObject({ pseudonym: "Saffier" });
    await expect(webSignUp(ip, start + THROTTLE_WINDOW_MS - 1)).rejects.toMatchObject({ code: "SIGN_UP_THROTTLED" });
    await expect(webSignUp(ip, start + THROTTLE_WINDOW_MS)).resolves.toMatchObject({ pseudonym: "Saffier" });
  });

  it("counts attempts that cost a hash (a taken name too), not input refused before it", async () => {
    const start = laterStart();
    const ip = "192.0.2.20";
    const name = uniqueName("taken");
    await webSignUp(ip, start, { signInName: name });
    for (let i = 1; i < SIGN_UP_LIMIT; i++) {
      await expect(webSignUp(ip, start + i, { signInName: name })).rejects.toMatchObject({ code: "SIGN_IN_NAME_TAKEN" });
    }
    for (let i = 0; i < 5; i++) {
      await expect(webSignUp(ip, start + 100, { passphrase: "kort" })).rejects.toMatchObject({ code: "PASSPHRASE_TOO_SHORT" });
    }
    await expect(webSignUp(ip, start + 200)).rejects.toMatchObject({ code: "SIGN_UP_THROTTLED" });
  });

  it("stores only an HMAC of the address", async () => {
    const start = laterStart();
    await webSignUp("192.0.2.30", start);
    const rows = await t.db.signInFailure.findMany({ where: { scope: "sign_up", createdAt: new Date(start) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await t.db.signInFailure.findMany({ select: { keyHash: true } }))).not.toContain("192.0.2");
  });
});

describe("changing one's passphrase", () => {
  const SECRET = "test-secret-for-passphrase-change-0123456789";
  const NEW = "nieuwe zin voor de tafel";

  async function personWithSessions() {
    const account = await makeAccount(t.db);
    const current = await createSession(t.db, account.id, new Date());
    const other = await createSession(t.db, account.id, new Date());
    return { account, current, other, me: { accountId: account.id, sessionId: current } };
  }
  const change = (
    me: { accountId: string; sessionId: string },
    input: { currentPassphrase: string; passphrase: string; passphraseRepeat?: string },
  ) => changePassphrase(t.db, me, { passphraseRepeat: input.passphrase, ...input }, { secret: SECRET, ip: null });

  it("needs the current passphrase, then ends every other session and keeps this one", async () => {
    const { account, current, other, me } = await personWithSessions();
    await expect(change(me, { currentPassphrase: account.passphrase, passphrase: NEW })).resolves.toEqual({ endedSessions: 1 });
    const rows = await t.db.session.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } });
    expect(rows.find((row) => row.id === current)?.revokedAt).toBeNull();
    expect(rows.find((row) => row.id === other)?.revokedAt).not.toBeNull();
    const { passphraseHash } = await t.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(await verifyPassphrase(passphraseHash, NEW)).toBe(true);
    expect(await verifyPassphrase(passphraseHash, account.passphrase)).toBe(false);
    const events = await t.db.auditEvent.findMany({
      where: { accountId: account.id, action: "account.passphrase_changed" },
      select: { data: true },
    });
    expect(events).toEqual([{ data: { endedSessions: 1 } }]);
  });

  it("refuses a wrong current passphrase, a weak or mismatched new one, or the same one, and changes nothing", async () => {
    const { account, other, me } = await personWithSessions();
    const cases: [Parameters<typeof change>[1], string, string][] = [
      [{ currentPassphrase: "niet de goede zin", passphrase: NEW }, "PASSPHRASE_WRONG", "currentPassphrase"],
      [{ currentPassphrase: account.passphrase, passphrase: "kort" }, "PASSPHRASE_TOO_SHORT", "passphrase"],
      [{ currentPassphrase: account.passphrase, passphrase: "password12345678" }, "PASSPHRASE_COMMON", "passphrase"],
      [{ currentPassphrase: account.passphrase, passphrase: NEW, passphraseRepeat: `${NEW}!` }, "PASSPHRASE_MISMATCH", "passphraseRepeat"],
      [{ currentPassphrase: account.passphrase, passphrase: account.passphrase }, "PASSPHRASE_UNCHANGED", "passphrase"],
    ];
    const before = await t.db.account.findUniqueOrThrow({ where: { id: account.id } });
    for (const [input, code, field] of cases) await expect(change(me, input), code).rejects.toMatchObject({ code, details: { field } });
    expect((await t.db.account.findUniqueOrThrow({ where: { id: account.id } })).passphraseHash).toBe(before.passphraseHash);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: other } })).revokedAt).toBeNull();
  });

  it("counts wrong current passphrases as failed sign-ins, so an open session cannot be used to guess", async () => {
    const { account, me } = await personWithSessions();
    for (let i = 0; i < 5; i++) {
      await expect(change(me, { currentPassphrase: `geraden zin ${i}`, passphrase: NEW })).rejects.toMatchObject({
        code: "PASSPHRASE_WRONG",
      });
    }
    await expect(change(me, { currentPassphrase: account.passphrase, passphrase: NEW })).rejects.toMatchObject({
      code: "SIGN_IN_THROTTLED",
    });
  });
});
