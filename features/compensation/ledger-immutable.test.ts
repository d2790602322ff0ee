// The ledger is append-only in the database itself: a direct query cannot change or remove an
// entry, an event or a policy version, whichever database the tests run on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeTable } from "../../test/factories.ts";

let t: TestDatabase;
let ids: { tableId: string; membershipId: string; policyId: string; entryId: string };

beforeAll(async () => {
  t = await testDatabase();
  const table = await makeTable(t.db, ["delegate"]);
  const membershipId = table.members[0]?.membershipId as string;
  const policy = await t.db.compensationPolicy.create({
    data: {
      tableId: table.tableId,
      validFrom: new Date("2026-01-01"),
      hourRateCents: 3000,
      sessionRateCents: 7500,
      reviewRateCents: 5000,
      draftRateCents: 10000,
      kmRateCents: 23,
      budgetCents: 100000,
      setBy: table.facilitator.membershipId,
    },
  });
  const entry = await t.db.ledgerEntry.create({
    data: {
      tableId: table.tableId,
      membershipId,
      policyId: policy.id,
      category: "time",
      unit: "hour",
      quantityHundredths: 250,
      rateCents: 3000,
      amountCents: 7500,
      occurredOn: new Date("2026-02-01"),
      payoutRoute: "organisation",
    },
  });
  await t.db.ledgerEvent.create({ data: { entryId: entry.id, kind: "confirmed", recordedBy: membershipId } });
  ids = { tableId: table.tableId, membershipId, policyId: policy.id, entryId: entry.id };
}, 30_000);
afterAll(async () => t?.close());

describe("the ledger tables", () => {
  for (const table of ["LedgerEntry", "LedgerEvent", "CompensationPolicy"]) {
    it(`refuse UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
      const column =
        table === "CompensationPolicy" ? `"budgetSource" = 'anders'` : table === "LedgerEvent" ? `note = 'anders'` : `"amountCents" = 1`;
      await expect(t.db.$executeRawUnsafe(`UPDATE "${table}" SET ${column}`)).rejects.toThrow(/immutable/);
      await expect(t.db.$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/immutable/);
      await expect(t.db.$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/immutable/);
    });
  }

  it("keep every row after the refused changes", async () => {
    const entry = await t.db.ledgerEntry.findUniqueOrThrow({ where: { id: ids.entryId }, include: { events: true } });
    expect(entry.amountCents).toBe(7500);
    expect(entry.events.map((e) => e.kind)).toEqual(["confirmed"]);
    expect(await t.db.compensationPolicy.count({ where: { id: ids.policyId } })).toBe(1);
  });

  it("keep a membership with ledger entries from being deleted", async () => {
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "Membership" WHERE id = '${ids.membershipId}'`)).rejects.toThrow(
      /foreign key|violates/,
    );
  });
});
