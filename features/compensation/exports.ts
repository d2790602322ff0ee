// Files out of the ledger. The funder's file is pseudonymous: a party's member appears as
// "<party> – <role>", someone without a party by their pseudonym, and nothing from the vault. The
// payout file is the treasurer's, joins the vault and is audited like every vault read. An erased
// account has no pseudonym left: its lines read "former participant" (its party's stay the party's).
import type { Db } from "../../prisma/db.ts";
import { authorizeCompensation } from "./access.ts";
import { centsToDecimal, sum } from "./money.ts";
import { ledgerLines } from "./queries.ts";
import { readVaultAsTreasurer } from "./vault.ts";
import type { Keyring } from "./vault-crypto.ts";

function cell(value: string | number): string {
  const text = String(value);
  // Quote everything that could break a row, and defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-\d/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
const row = (values: (string | number)[]) => values.map(cell).join(",");
const FORMER = "former participant";
const nameOf = (account: { pseudonym: string; erasedAt: Date | null }) => (account.erasedAt ? FORMER : account.pseudonym);

export async function funderCsv(db: Db, accountId: string, tableId: string): Promise<string> {
  await authorizeCompensation(db, accountId, tableId, "compensation.export.funder");
  const lines = await ledgerLines(db, tableId);
  const members = new Map(
    (
      await db.membership.findMany({
        where: { tableId },
        select: { id: true, role: true, party: { select: { name: true } }, account: { select: { pseudonym: true, erasedAt: true } } },
      })
    ).map((m) => [m.id, m.party ? `${m.party.name} – ${m.role}` : nameOf(m.account)]),
  );
  const rows = lines.map((l) =>
    row([
      l.occurredOn.toISOString().slice(0, 10),
      members.get(l.membershipId) ?? "",
      l.category,
      l.status,
      centsToDecimal(l.amountCents),
      l.reversesId ? "reversal" : "",
    ]),
  );
  const total = row(["total", "", "", "", centsToDecimal(sum(lines.map((l) => l.amountCents))), ""]);
  return [row(["date", "who", "category", "status", "amount_eur", "correction"]), ...rows, total].join("\r\n");
}

/** Approved entries that are not paid yet, per payee: to the person with the vault's details, or to the party. */
export async function payoutCsv(db: Db, accountId: string, tableId: string, ring?: Keyring): Promise<string> {
  await authorizeCompensation(db, accountId, tableId, "compensation.export.payout");
  const lines = (await ledgerLines(db, tableId)).filter((l) => l.status === "approved");
  const toPerson = [...new Set(lines.filter((l) => l.payoutRoute === "person").map((l) => l.membershipId))];
  const vault = await readVaultAsTreasurer(db, accountId, tableId, toPerson, ring);
  const parties = new Map((await db.party.findMany({ where: { tableId }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const names = new Map(
    (
      await db.membership.findMany({ where: { tableId }, select: { id: true, account: { select: { pseudonym: true, erasedAt: true } } } })
    ).map((m) => [m.id, nameOf(m.account)]),
  );
  const payees = new Map<
    string,
    { route: string; name: string; address: string; iban: string; pseudonym: string; cents: number; count: number }
  >();
  for (const l of lines) {
    const key = l.payoutRoute === "person" ? `person:${l.membershipId}` : `party:${l.partyId ?? ""}`;
    const details = l.payoutRoute === "person" ? vault.get(l.membershipId) : undefined;
    const payee = payees.get(key) ?? {
      route: l.payoutRoute,
      name: l.payoutRoute === "person" ? (details?.legal_name ?? "") : (parties.get(l.partyId ?? "") ?? ""),
      address: details?.address ?? "",
      iban: details?.iban ?? "",
      pseudonym: l.payoutRoute === "person" ? (names.get(l.membershipId) ?? "") : "",
      cents: 0,
      count: 0,
    };
    payee.cents += l.amountCents;
    payee.count += 1;
    payees.set(key, payee);
  }
  const rows = [...payees.values()].map((p) => row([p.route, p.name, p.address, p.iban, p.pseudonym, p.count, centsToDecimal(p.cents)]));
  const total = row(["total", "", "", "", "", lines.length, centsToDecimal(sum(lines.map((l) => l.amountCents)))]);
  return [row(["route", "payee", "address", "iban", "pseudonym", "entries", "amount_eur"]), ...rows, total].join("\r\n");
}
