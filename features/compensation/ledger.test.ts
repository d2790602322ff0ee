// The ledger's commands against a real database: proposals from attendance, a participant's
// confirmation, adjustment and dispute of their own entries, the treasurer's approval, payment and
// reversal, the vault, and exports whose totals agree with the views.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { compensationPolicy, makeTable } from "../../test/factories.ts";
import {
  addClaim,
  adjustEntry,
  approveEntry,
  confirmEntry,
  disputeEntry,
  markPaid,
  proposeFromAttendance,
  reverseEntry,
  setCompensationPolicy,
} from "./commands.ts";
import { funderCsv, payoutCsv } from "./exports.ts";
import { centsToDecimal, sum } from "./money.ts";
import { compensationView, ledgerLines } from "./queries.ts";
import { deleteOwnVault, readOwnVault, readVaultAsTreasurer, saveOwnVault } from "./vault.ts";
import { keyringFrom, newVaultKey } from "./vault-crypto.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeTable>>;
let meetingId: string;
const ring = keyringFrom(newVaultKey());
const now = new Date("2026-03-10T12:00:00Z");
const who = (i: number) => at.members[i] as { accountId: string; membershipId: string };
// delegate (with party, via organisation), delegate without party (paid personally), treasurer, chair, observer
const [saffier, solo, sanne, chair, observer] = [0, 1, 2, 3, 4];

beforeAll(async () => {
  t = await testDatabase();
  at = await makeTable(t.db, ["delegate", "delegate", "treasurer", "chair", "observer"]);
  await t.db.table.update({ where: { id: at.tableId }, data: { status: "active" } });
  const party = await t.db.party.create({ data: { tableId: at.tableId, type: "sex_worker_organisation", name: "RLL" } });
  await t.db.membership.update({ where: { id: who(saffier).membershipId }, data: { partyId: party.id } });
  const meeting = await t.db.meeting.create({
    data: {
      tableId: at.tableId,
      title: "Avondoverleg",
      startsAt: new Date("2026-03-03T18:30:00Z"),
      endsAt: new Date("2026-03-03T21:00:00Z"),
      languages: [],
      compensatesMeals: true,
      compensatesTravel: true,
      createdBy: at.facilitator.membershipId,
    },
  });
  meetingId = meeting.id;
  const mark = (i: number, status: "present" | "online" | "absent") =>
    t.db.attendanceMark.create({ data: { meetingId, membershipId: who(i).membershipId, status, recordedBy: who(chair).membershipId } });
  await mark(saffier, "absent");
  await mark(saffier, "present"); // the latest mark counts
  await mark(solo, "online");
  await mark(observer, "present");
  await mark(chair, "absent");
}, 30_000);
afterAll(async () => t?.close());

const policyInput = compensationPolicy({ budget: "200", budgetSource: "Gemeente Lindendam, participatiebudget" });

describe("the compensation ledger", () => {
  it("refuses proposals without a policy, and a policy from someone who may not set it", async () => {
    await expect(proposeFromAttendance(t.db, who(sanne).accountId, at.tableId, meetingId, now)).rejects.toMatchObject({
      code: "COMPENSATION_NO_POLICY",
    });
    await expect(setCompensationPolicy(t.db, who(chair).accountId, at.tableId, policyInput, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      setCompensationPolicy(t.db, who(sanne).accountId, at.tableId, { ...policyInput, hourRate: "-3" }, now),
    ).rejects.toMatchObject({
      code: "COMPENSATION_AMOUNT_INVALID",
      details: { field: "hourRate" },
    });
    await setCompensationPolicy(t.db, at.facilitator.accountId, at.tableId, policyInput, now);
    // A later rate does not reprice an earlier meeting.
    await setCompensationPolicy(
      t.db,
      at.facilitator.accountId,
      at.tableId,
      { ...policyInput, validFrom: "2026-04-01", hourRate: "40" },
      now,
    );
  });

  it("proposes time for those who attended and a meal for those in the room, once", async () => {
    expect(await proposeFromAttendance(t.db, who(sanne).accountId, at.tableId, meetingId, now)).toEqual({ count: 3 });
    expect(await proposeFromAttendance(t.db, who(sanne).accountId, at.tableId, meetingId, now)).toEqual({ count: 0 });
    const lines = await ledgerLines(t.db, at.tableId);
    const mine = lines.filter((l) => l.membershipId === who(saffier).membershipId);
    expect(mine.map((l) => [l.category, l.quantityHundredths, l.rateCents, l.amountCents, l.payoutRoute, l.status])).toEqual([
      ["time", 250, 3000, 7500, "organisation", "proposed"],
      ["meal", 100, 1500, 1500, "organisation", "proposed"],
    ]);
    const online = lines.filter((l) => l.membershipId === who(solo).membershipId);
    expect(online.map((l) => [l.category, l.payoutRoute])).toEqual([["time", "person"]]);
    expect(lines.some((l) => l.membershipId === who(observer).membershipId)).toBe(false);
  });

  it("lets a participant confirm, adjust and dispute only their own entries", async () => {
    const [time, meal] = (await ledgerLines(t.db, at.tableId, { membershipId: who(saffier).membershipId })) as unknown as [
      { id: string },
      { id: string },
    ];
    await expect(confirmEntry(t.db, who(solo).accountId, at.tableId, time.id, undefined, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await confirmEntry(t.db, who(saffier).accountId, at.tableId, time.id, undefined, now);
    await expect(adjustEntry(t.db, who(saffier).accountId, at.tableId, meal.id, { amount: "16", note: "bon" }, now)).rejects.toMatchObject({
      code: "COMPENSATION_OVER_CAP",
      details: { field: "amount" },
    });
    await adjustEntry(t.db, who(saffier).accountId, at.tableId, meal.id, { amount: "12,50", note: "Bon van de snackbar" }, now);
    const soloTime = (await ledgerLines(t.db, at.tableId, { membershipId: who(solo).membershipId }))[0] as { id: string };
    await expect(confirmEntry(t.db, who(solo).accountId, at.tableId, soloTime.id, "person", now)).rejects.toMatchObject({
      code: "COMPENSATION_NEEDS_IBAN",
    });
    await disputeEntry(t.db, who(solo).accountId, at.tableId, soloTime.id, { note: "Ik was er maar een uur" }, new Date(now.getTime() + 1));
    const disputed = (await ledgerLines(t.db, at.tableId, { membershipId: who(solo).membershipId }))[0];
    expect(disputed).toMatchObject({ status: "disputed", dispute: "Ik was er maar een uur", amountCents: 7500 });
  });

  it("refuses a claim with a bad amount, an unknown category or for a meeting not attended, storing nothing", async () => {
    const before = await t.db.ledgerEntry.count();
    const claim = (i: number, input: Record<string, unknown>) => addClaim(t.db, who(i).accountId, at.tableId, input, now);
    await expect(claim(saffier, { category: "travel", unit: "receipt", amount: "-1" })).rejects.toMatchObject({
      code: "COMPENSATION_AMOUNT_INVALID",
      details: { field: "amount" },
    });
    await expect(claim(saffier, { category: "drinks", unit: "receipt", amount: "1" })).rejects.toMatchObject({
      code: "COMPENSATION_CATEGORY_INVALID",
      details: { field: "category" },
    });
    await expect(claim(saffier, { category: "travel", unit: "km", quantity: "-4" })).rejects.toMatchObject({
      code: "COMPENSATION_QUANTITY_INVALID",
    });
    await expect(claim(chair, { category: "travel", unit: "receipt", amount: "6,40", meetingId })).rejects.toMatchObject({
      code: "COMPENSATION_NOT_ATTENDED",
      details: { field: "meetingId" },
    });
    await expect(claim(observer, { category: "travel", unit: "receipt", amount: "6,40", meetingId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(claim(saffier, { category: "travel", unit: "receipt", amount: "60", meetingId })).rejects.toMatchObject({
      code: "COMPENSATION_OVER_CAP",
    });
    expect(await t.db.ledgerEntry.count()).toBe(before);
    const travel = await claim(saffier, {
      category: "travel",
      unit: "receipt",
      amount: "6,40",
      meetingId,
      description: "Bus heen en terug",
    });
    expect((await ledgerLines(t.db, at.tableId)).find((l) => l.id === travel.id)).toMatchObject({ status: "confirmed", amountCents: 640 });
  });

  it("lets the treasurer approve and pay others' confirmed entries, never their own, within the budget", async () => {
    const [time, meal, travel] = (await ledgerLines(t.db, at.tableId, { membershipId: who(saffier).membershipId })) as { id: string }[] as [
      { id: string },
      { id: string },
      { id: string },
    ];
    await expect(approveEntry(t.db, who(saffier).accountId, at.tableId, time.id, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = await addClaim(
      t.db,
      who(sanne).accountId,
      at.tableId,
      { category: "other", unit: "receipt", amount: "3", payoutRoute: "person" },
      now,
    ).catch((e) => e);
    expect(own).toMatchObject({ code: "COMPENSATION_NEEDS_IBAN" });
    for (const entry of [time, meal, travel]) await approveEntry(t.db, who(sanne).accountId, at.tableId, entry.id, now);
    await expect(approveEntry(t.db, who(sanne).accountId, at.tableId, time.id, now)).rejects.toMatchObject({
      code: "COMPENSATION_TRANSITION_INVALID",
    });
    await markPaid(t.db, who(sanne).accountId, at.tableId, time.id, new Date(now.getTime() + 5));
    // A reversal cancels the meal; correcting it twice is refused.
    await reverseEntry(
      t.db,
      who(sanne).accountId,
      at.tableId,
      meal.id,
      "Maaltijd was door de gemeente betaald",
      new Date(now.getTime() + 6),
    );
    await expect(reverseEntry(t.db, who(sanne).accountId, at.tableId, meal.id, "nogmaals", now)).rejects.toMatchObject({
      code: "COMPENSATION_ALREADY_REVERSED",
    });
    const lines = await ledgerLines(t.db, at.tableId, { membershipId: who(saffier).membershipId });
    expect(lines.map((l) => [l.category, l.status, l.amountCents])).toEqual([
      ["time", "paid", 7500],
      ["meal", "approved", 1250],
      ["travel", "approved", 640],
      ["meal", "approved", -1250],
    ]);
    const ownEntry = await t.db.ledgerEntry.create({
      data: {
        tableId: at.tableId,
        membershipId: who(sanne).membershipId,
        policyId: (await t.db.compensationPolicy.findFirstOrThrow()).id,
        category: "other",
        unit: "receipt",
        quantityHundredths: 100,
        rateCents: 300,
        amountCents: 300,
        occurredOn: new Date("2026-03-03"),
        payoutRoute: "person",
        createdBy: who(sanne).membershipId,
      },
    });
    await t.db.ledgerEvent.create({ data: { entryId: ownEntry.id, kind: "confirmed", recordedBy: who(sanne).membershipId } });
    await expect(approveEntry(t.db, who(sanne).accountId, at.tableId, ownEntry.id, now)).rejects.toMatchObject({
      code: "COMPENSATION_OWN_CLAIM",
    });
  });

  it("keeps payout details sealed, readable by the member and the treasurer only, every read audited", async () => {
    await expect(saveOwnVault(t.db, who(solo).accountId, at.tableId, { iban: "NL92ABNA0417164300" }, ring, now)).rejects.toMatchObject({
      code: "IBAN_INVALID",
      details: { field: "iban" },
    });
    expect(await t.db.vaultValue.count()).toBe(0);
    await saveOwnVault(
      t.db,
      who(solo).accountId,
      at.tableId,
      { legal_name: "Jane Doe", address: "Havenstraat 1", iban: "nl91 abna 0417 1643 00" },
      ring,
      now,
    );
    const stored = await t.db.vaultValue.findMany();
    expect(stored.map((v) => v.sealed).join(" ")).not.toMatch(/Jane|Haven|NL91/);
    expect(await readOwnVault(t.db, who(solo).accountId, at.tableId, ring)).toEqual({
      legal_name: "Jane Doe",
      address: "Havenstraat 1",
      iban: "NL91ABNA0417164300",
    });
    for (const i of [chair, saffier])
      await expect(readVaultAsTreasurer(t.db, who(i).accountId, at.tableId, [who(solo).membershipId], ring)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    await expect(readVaultAsTreasurer(t.db, at.facilitator.accountId, at.tableId, [who(solo).membershipId], ring)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const read = await readVaultAsTreasurer(t.db, who(sanne).accountId, at.tableId, [who(solo).membershipId], ring, now);
    expect(read.get(who(solo).membershipId)?.legal_name).toBe("Jane Doe");
    expect(await t.db.auditEvent.count({ where: { action: "compensation.vault_viewed", tableId: at.tableId } })).toBe(1);
  });

  it("exports a funder file without identities and a payout file, with totals that agree with the views", async () => {
    const soloTime = (await ledgerLines(t.db, at.tableId, { membershipId: who(solo).membershipId }))[0] as { id: string };
    await confirmEntry(t.db, who(solo).accountId, at.tableId, soloTime.id, "person", new Date(now.getTime() + 10));
    await approveEntry(t.db, who(sanne).accountId, at.tableId, soloTime.id, new Date(now.getTime() + 11));
    const funder = await funderCsv(t.db, at.facilitator.accountId, at.tableId);
    expect(funder).toContain("RLL – delegate");
    expect(funder).not.toMatch(/Jane|Havenstraat|NL91/);
    const view = await compensationView(t.db, who(sanne).accountId, at.tableId, now);
    const lines = await ledgerLines(t.db, at.tableId);
    expect(view.budget?.totals.total).toBe(sum(lines.map((l) => l.amountCents)));
    expect(funder.trim().split("\r\n").at(-1)).toBe(`total,,,,${centsToDecimal(view.budget?.totals.total ?? 0)},`);
    await expect(payoutCsv(t.db, at.facilitator.accountId, at.tableId, ring)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const payout = await payoutCsv(t.db, who(sanne).accountId, at.tableId, ring);
    expect(payout).toContain("person,Jane Doe,Havenstraat 1,NL91ABNA0417164300");
    expect(payout).toContain("organisation,RLL,,,,3,6.40");
    expect(payout.trim().split("\r\n").at(-1)).toBe(`total,,,,,4,${centsToDecimal(view.budget?.totals.approved ?? 0)}`);
    // Other participants see only their own amounts; observers see nothing.
    const other = await compensationView(t.db, who(solo).accountId, at.tableId, now);
    expect(other.all).toBeNull();
    expect(other.byParty).toBeNull();
    expect(other.own?.lines.every((l) => l.membershipId === who(solo).membershipId)).toBe(true);
    await expect(compensationView(t.db, who(observer).accountId, at.tableId, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets a member erase their payout details", async () => {
    await deleteOwnVault(t.db, who(solo).accountId, at.tableId, now);
    expect(await t.db.vaultValue.count({ where: { membershipId: who(solo).membershipId } })).toBe(0);
    expect(await readOwnVault(t.db, who(solo).accountId, at.tableId, ring)).toEqual({});
  });
});
