import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { createAccount } from "./accounts.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

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
});
