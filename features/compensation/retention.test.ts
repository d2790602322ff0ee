import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { compensationPolicy, makeTable } from "../../test/factories.ts";
import { leaveTable } from "../tables/members.ts";
import { addClaim, approveEntry, markPaid, setCompensationPolicy } from "./commands.ts";
import { ledgerLines } from "./queries.ts";
import { purgeSettledVaults } from "./retention.ts";
import { saveOwnVault } from "./vault.ts";
import { keyringFrom, newVaultKey } from "./vault-crypto.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeTable>>;
const ring = keyringFrom(newVaultKey());
const now = new Date("2026-03-10T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const who = (i: number) => at.members[i] as { accountId: string; membershipId: string };
const [paid, waiting, gone, treasurer] = [0, 1, 2, 3];

beforeAll(async () => {
  t = await testDatabase();
  at = await makeTable(t.db, ["delegate", "delegate", "delegate", "treasurer"]);
  await t.db.table.update({ where: { id: at.tableId }, data: { status: "active" } });
  await setCompensationPolicy(t.db, at.facilitator.accountId, at.tableId, compensationPolicy(), now);
  for (const i of [paid, waiting, gone]) {
    await saveOwnVault(t.db, who(i).accountId, at.tableId, { iban: "NL91ABNA0417164300" }, ring, now);
  }
  for (const i of [paid, waiting]) {
    await addClaim(t.db, who(i).accountId, at.tableId, { category: "other", unit: "receipt", amount: "12", payoutRoute: "person" }, now);
  }
  const [entry] = await ledgerLines(t.db, at.tableId, { membershipId: who(paid).membershipId });
  await approveEntry(t.db, who(treasurer).accountId, at.tableId, entry?.id as string, now);
  await markPaid(t.db, who(treasurer).accountId, at.tableId, entry?.id as string, days(1));
  // Someone who left with nothing to be paid.
  await leaveTable(t.db, who(gone).accountId, at.tableId, days(5));
}, 30_000);
afterAll(async () => t?.close());

const vaultOf = (i: number) => t.db.vaultValue.count({ where: { membershipId: who(i).membershipId } });

describe("keeping payout details", () => {
  it("deletes them the set number of days after the last payout, or after leaving with nothing to pay, never while a payout is open", async () => {
    expect(await purgeSettledVaults(t.db, days(60), 90)).toBe(0);
    expect([await vaultOf(paid), await vaultOf(waiting), await vaultOf(gone)]).toEqual([1, 1, 1]);
    expect(await purgeSettledVaults(t.db, days(92), 90)).toBe(1);
    expect([await vaultOf(paid), await vaultOf(waiting), await vaultOf(gone)]).toEqual([0, 1, 1]);
    expect(await purgeSettledVaults(t.db, days(96), 90)).toBe(1);
    // The open claim still needs its IBAN, however long it waits.
    expect([await vaultOf(paid), await vaultOf(waiting), await vaultOf(gone)]).toEqual([0, 1, 0]);
    expect(await purgeSettledVaults(t.db, days(2000), 90)).toBe(0);
    expect(await vaultOf(waiting)).toBe(1);
    // Each purge is in the log, naming nobody.
    const purges = await t.db.auditEvent.findMany({ where: { action: "compensation.vault_deleted", tableId: at.tableId } });
    expect(purges.filter((e) => (e.data as { retention?: boolean }).retention)).toHaveLength(2);
    expect(JSON.stringify(purges.map((e) => e.data))).not.toContain(who(paid).membershipId);
  });
});
