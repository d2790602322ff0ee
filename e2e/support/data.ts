// Test data made directly through the domain layer, against the database the app under test uses.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createAccount } from "../../features/identity/accounts.ts";
import { createTable } from "../../features/tables/commands.ts";
import type { Role } from "../../features/tables/model.ts";
import { createDb, type Db } from "../../prisma/db.ts";

let db: Db | undefined;

export function testDb(): Db {
  db ??= createDb(readFileSync("test-results/e2e-state/database-url", "utf8").trim(), { max: 2, transactionTimeoutMs: 20_000 });
  return db;
}

export type TestAccount = { id: string; signInName: string; pseudonym: string; passphrase: string };

/** A demo person, with the passphrase the start script made and kept in its data folder. */
export function demoAccount(signInName: string, pseudonym: string): Omit<TestAccount, "id"> {
  const passphrase = readFileSync("test-results/e2e-state/data/demo-passphrase", "utf8").trim();
  return { signInName, pseudonym, passphrase };
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function makeAccount(pseudonym = unique("Iris")): Promise<TestAccount> {
  const signInName = unique("e2e").toLowerCase();
  const passphrase = `stille ${randomBytes(6).toString("hex")} haven`;
  const account = await createAccount(testDb(), { signInName, pseudonym, passphrase, passphraseRepeat: passphrase });
  return { id: account.id, signInName, pseudonym, passphrase };
}

export async function makeTable(
  members: { account: TestAccount; role: Role }[],
  title = unique("Tafel"),
): Promise<{ id: string; title: string }> {
  const [first, ...rest] = members;
  if (first?.role !== "facilitator") throw new Error("the first member convenes the table as facilitator");
  const table = await createTable(testDb(), first.account.id, { title });
  for (const member of rest) {
    await testDb().membership.create({ data: { tableId: table.id, accountId: member.account.id, role: member.role } });
  }
  return { id: table.id, title };
}
