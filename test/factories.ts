// Builders for domain tests: accounts and tables made through the real commands; extra members are
// placed directly, since invitation round trips are tested on their own.
import { createAccount } from "../features/identity/accounts.ts";
import { createTable } from "../features/tables/commands.ts";
import type { Role } from "../features/tables/model.ts";
import type { Db } from "../prisma/db.ts";

export const PASSPHRASE = "lantaarn bij de haven 7";

// Test files share one database each, so names must not repeat within a file.
let counter = 0;
export function uniqueName(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function makeAccount(db: Db, options: { signInName?: string; pseudonym?: string; passphrase?: string } = {}) {
  const signInName = options.signInName ?? uniqueName();
  const passphrase = options.passphrase ?? PASSPHRASE;
  const account = await createAccount(db, {
    signInName,
    pseudonym: options.pseudonym ?? `Pseudo ${signInName.slice(-6)}`,
    passphrase,
    passphraseRepeat: passphrase,
  });
  return { ...account, signInName: signInName.toLowerCase(), passphrase };
}

/** A table with its facilitator and, per requested role, one more member placed directly. */
export async function makeTable(db: Db, roles: Role[] = [], title = "Tafel Lindendam") {
  const facilitator = await makeAccount(db);
  const table = await createTable(db, facilitator.id, { title });
  const members: { accountId: string; membershipId: string; role: Role }[] = [];
  for (const role of roles) {
    const account = await makeAccount(db);
    const membership = await db.membership.create({ data: { tableId: table.id, accountId: account.id, role }, select: { id: true } });
    members.push({ accountId: account.id, membershipId: membership.id, role });
  }
  const own = await db.membership.findUniqueOrThrow({
    where: { tableId_accountId: { tableId: table.id, accountId: facilitator.id } },
    select: { id: true },
  });
  return { tableId: table.id, facilitator: { accountId: facilitator.id, membershipId: own.id }, members };
}

/** A compensation policy with the usual rates, valid all year; override what a test is about. */
export function compensationPolicy(overrides: Record<string, string> = {}) {
  return {
    validFrom: "2026-01-01",
    hourRate: "30",
    sessionRate: "75",
    reviewRate: "50",
    draftRate: "100",
    kmRate: "0,23",
    mealCap: "15",
    travelCap: "50",
    budget: "500",
    budgetSource: "Gemeente",
    ...overrides,
  };
}
