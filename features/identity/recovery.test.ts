import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { signUp } from "./accounts.ts";
import { CONSENT_TEXT_VERSIONS, consentsOf, listedByPseudonym, withdrawConsent } from "./consent.ts";
import { normaliseRecoveryCode, recoverAccount } from "./recovery.ts";
import { signIn } from "./sign-in.ts";

let t: TestDatabase;
const SECRET = "test-secret-for-recovery-0123456789abcdef";
const NOW = new Date("2026-12-03T10:00:00Z");
let n = 0;

beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

async function newAccount(consent = { terms: true, listed: true, attribution: "person" }) {
  n += 1;
  const signInName = `herstel${n}`;
  const passphrase = "lantaarn bij de haven 7";
  const account = await signUp(
    t.db,
    { signInName, pseudonym: "Robijn", passphrase, passphraseRepeat: passphrase },
    { ip: `192.0.2.${n}`, secret: SECRET, now: NOW, consent },
  );
  return { ...account, signInName, passphrase };
}

const recover = (signInName: string, recoveryCode: string, passphrase = "een nieuwe zin voor robijn", ip = "198.51.100.1") =>
  recoverAccount(t.db, { signInName, recoveryCode, passphrase, passphraseRepeat: passphrase }, { secret: SECRET, ip, now: NOW });

describe("recovering an account without email", () => {
  it("shows a recovery code once at sign-up and stores only its hash", async () => {
    const account = await newAccount();
    expect(account.recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const stored = await t.db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.recoveryCodeHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(normaliseRecoveryCode(account.recoveryCode));
  });

  it("sets a new passphrase with the code, ends every session and gives a new code; the old code no longer works", async () => {
    const account = await newAccount();
    const session = await signIn(t.db, { signInName: account.signInName, passphrase: account.passphrase, ip: null }, { secret: SECRET });
    // Typed in lower case with spaces instead of dashes: still the same code.
    const typed = account.recoveryCode.toLowerCase().replaceAll("-", " ");
    const { recoveryCode } = await recover(account.signInName, typed);
    expect(recoveryCode).not.toBe(account.recoveryCode);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: session.sessionId } })).revokedAt).not.toBeNull();
    await expect(
      signIn(t.db, { signInName: account.signInName, passphrase: account.passphrase, ip: null }, { secret: SECRET }),
    ).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    await expect(
      signIn(t.db, { signInName: account.signInName, passphrase: "een nieuwe zin voor robijn", ip: null }, { secret: SECRET }),
    ).resolves.toMatchObject({ accountId: account.id });
    await expect(recover(account.signInName, account.recoveryCode, "nog een andere zin hier", "198.51.100.2")).rejects.toMatchObject({
      code: "RECOVERY_FAILED",
    });
    const actions = (await t.db.auditEvent.findMany({ where: { accountId: account.id }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["account.recovery_code_issued", "account.recovered", "account.recovery_failed"]));
  });

  it("answers a wrong code and an unknown name alike, counts them as failed sign-ins and then holds them back", async () => {
    const account = await newAccount();
    const before = (await t.db.account.findUniqueOrThrow({ where: { id: account.id } })).passphraseHash;
    await expect(recover("niemand-hier", account.recoveryCode, undefined, "198.51.100.9")).rejects.toMatchObject({
      code: "RECOVERY_FAILED",
    });
    for (let i = 0; i < 5; i++) {
      await expect(recover(account.signInName, "AAAA-BBBB-CCCC-DDDD-EEEE", undefined, `198.51.100.${20 + i}`)).rejects.toMatchObject({
        code: "RECOVERY_FAILED",
      });
    }
    // Five failures for this name: even the right code waits now.
    await expect(recover(account.signInName, account.recoveryCode, undefined, "198.51.100.40")).rejects.toMatchObject({
      code: "SIGN_IN_THROTTLED",
    });
    expect((await t.db.account.findUniqueOrThrow({ where: { id: account.id } })).passphraseHash).toBe(before);
  });

  it("refuses a weak new passphrase before looking at the code", async () => {
    const account = await newAccount();
    await expect(recover(account.signInName, account.recoveryCode, "kort")).rejects.toMatchObject({
      code: "PASSPHRASE_TOO_SHORT",
      details: { field: "passphrase" },
    });
  });
});

describe("consent records", () => {
  it("records the terms, the listing choice and the attribution default with the text version, and refuses a sign-up without the terms", async () => {
    const account = await newAccount({ terms: true, listed: false, attribution: "person" });
    const consents = await consentsOf(t.db, account.id);
    const of = (kind: string) => consents.find((c) => c.kind === kind);
    expect(of("terms")?.current).toMatchObject({ textVersion: CONSENT_TEXT_VERSIONS.terms, givenAt: NOW });
    // Left unticked: recorded as declined, never assumed.
    expect(of("listed_by_pseudonym")?.current).toBeNull();
    expect(of("listed_by_pseudonym")?.history).toHaveLength(1);
    expect(of("attribution_default")?.current).toMatchObject({ choice: "person" });
    expect(await listedByPseudonym(t.db, [account.id])).toEqual(new Set());

    const accounts = await t.db.account.count();
    await expect(newAccount({ terms: false, listed: true, attribution: "organisation" })).rejects.toMatchObject({
      code: "TERMS_REQUIRED",
      details: { field: "terms" },
    });
    expect(await t.db.account.count()).toBe(accounts);
  });

  it("lets a person withdraw being listed, keeps the history, and never lets the terms be withdrawn on their own", async () => {
    const account = await newAccount();
    expect(await listedByPseudonym(t.db, [account.id])).toEqual(new Set([account.id]));
    await withdrawConsent(t.db, account.id, "listed_by_pseudonym", new Date(NOW.getTime() + 60_000));
    expect(await listedByPseudonym(t.db, [account.id])).toEqual(new Set());
    const listed = (await consentsOf(t.db, account.id)).find((c) => c.kind === "listed_by_pseudonym");
    expect(listed?.history[0]?.withdrawnAt).toEqual(new Date(NOW.getTime() + 60_000));
    await expect(withdrawConsent(t.db, account.id, "terms")).rejects.toMatchObject({ code: "CONSENT_TERMS_NEED_ERASURE" });
  });
});
