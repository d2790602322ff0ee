import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { compensationPolicy, makeTable } from "../../test/factories.ts";
import { addClaim, approveEntry, markPaid, setCompensationPolicy } from "../compensation/commands.ts";
import { ledgerLines } from "../compensation/queries.ts";
import { saveOwnVault } from "../compensation/vault.ts";
import { keyringFrom, newVaultKey } from "../compensation/vault-crypto.ts";
import { archiveTable, unarchiveTable } from "./archive.ts";
import { changeTableStatus } from "./details.ts";
import { tableForMember, tablesOf } from "./queries.ts";

let t: TestDatabase;
const ring = keyringFrom(newVaultKey());
const now = new Date("2026-06-01T12:00:00Z");

beforeAll(async () => {
  t = await testDatabase();
}, 30_000);
afterAll(async () => t?.close());

/** A table with a delegate owed a direct payment (and payout details) and a treasurer. */
async function tableWithOpenPayout() {
  const at = await makeTable(t.db, ["delegate", "treasurer"]);
  const [delegate, treasurer] = at.members as [(typeof at.members)[0], (typeof at.members)[0]];
  await t.db.table.update({ where: { id: at.tableId }, data: { status: "active" } });
  await setCompensationPolicy(t.db, at.facilitator.accountId, at.tableId, compensationPolicy(), now);
  await saveOwnVault(t.db, delegate.accountId, at.tableId, { iban: "NL91ABNA0417164300" }, ring, now);
  await addClaim(t.db, delegate.accountId, at.tableId, { category: "other", unit: "receipt", amount: "12", payoutRoute: "person" }, now);
  await t.db.notification.create({ data: { accountId: delegate.accountId, kind: "round_opened", link: `/tables/${at.tableId}/problem` } });
  await t.db.invitation.create({
    data: {
      tableId: at.tableId,
      role: "observer",
      tokenHash: `hash-${at.tableId}`,
      expiresAt: new Date(now.getTime() + 86_400_000),
      createdByMembership: at.facilitator.membershipId,
    },
  });
  return { ...at, delegate, treasurer };
}

describe("archiving a closed table", () => {
  it("is refused for a table that is not closed, and while someone is still to be paid directly", async () => {
    const at = await tableWithOpenPayout();
    await expect(archiveTable(t.db, at.facilitator.accountId, at.tableId, now)).rejects.toMatchObject({ code: "TABLE_NOT_CLOSED" });
    await changeTableStatus(t.db, at.facilitator.accountId, at.tableId, "closed", now);
    await expect(archiveTable(t.db, at.facilitator.accountId, at.tableId, now)).rejects.toMatchObject({ code: "ARCHIVE_PAYOUT_OPEN" });
    // Nothing changed.
    expect((await t.db.table.findUniqueOrThrow({ where: { id: at.tableId } })).archivedAt).toBeNull();
    expect(await t.db.vaultValue.count({ where: { membershipId: at.delegate.membershipId } })).toBe(1);
  });

  it("is the facilitator's alone", async () => {
    const at = await tableWithOpenPayout();
    await changeTableStatus(t.db, at.facilitator.accountId, at.tableId, "closed", now);
    for (const member of [at.delegate, at.treasurer]) {
      await expect(archiveTable(t.db, member.accountId, at.tableId, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("keeps the record and its amounts, deletes payout details, notifications and open invitations, and cannot be reopened until taken out", async () => {
    const at = await tableWithOpenPayout();
    const [entry] = await ledgerLines(t.db, at.tableId, { membershipId: at.delegate.membershipId });
    await approveEntry(t.db, at.treasurer.accountId, at.tableId, entry?.id as string, now);
    await markPaid(t.db, at.treasurer.accountId, at.tableId, entry?.id as string, now);
    await changeTableStatus(t.db, at.facilitator.accountId, at.tableId, "closed", now);

    expect(await archiveTable(t.db, at.facilitator.accountId, at.tableId, now)).toEqual({
      vaultValues: 1,
      notifications: 1,
      invitations: 1,
    });
    expect(await t.db.vaultValue.count({ where: { membershipId: at.delegate.membershipId } })).toBe(0);
    expect(await t.db.notification.count({ where: { accountId: at.delegate.accountId } })).toBe(0);
    expect(await t.db.invitation.count({ where: { tableId: at.tableId, revokedAt: null } })).toBe(0);
    const [kept] = await ledgerLines(t.db, at.tableId, { membershipId: at.delegate.membershipId });
    expect(kept).toMatchObject({ amountCents: 1200, status: "paid" });
    // Members still read it; it is listed as archived.
    expect((await tableForMember(t.db, at.delegate.accountId, at.tableId)).archivedAt).toEqual(now);
    expect((await tablesOf(t.db, at.delegate.accountId)).find((table) => table.id === at.tableId)?.archivedAt).toEqual(now);
    const log = await t.db.auditEvent.findMany({ where: { tableId: at.tableId, action: "table.archived" }, select: { data: true } });
    expect(log).toEqual([{ data: { by: at.facilitator.membershipId, vaultValues: 1, notifications: 1, invitations: 1 } }]);

    await expect(archiveTable(t.db, at.facilitator.accountId, at.tableId, now)).rejects.toMatchObject({ code: "TABLE_ARCHIVED" });
    await expect(changeTableStatus(t.db, at.facilitator.accountId, at.tableId, "active", now)).rejects.toMatchObject({
      code: "TABLE_ARCHIVED",
    });
    await unarchiveTable(t.db, at.facilitator.accountId, at.tableId, now);
    await expect(unarchiveTable(t.db, at.facilitator.accountId, at.tableId, now)).rejects.toMatchObject({ code: "TABLE_NOT_ARCHIVED" });
    await changeTableStatus(t.db, at.facilitator.accountId, at.tableId, "active", now);
    expect((await t.db.table.findUniqueOrThrow({ where: { id: at.tableId } })).status).toBe("active");
  });
});
