import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { funderCsv } from "../compensation/exports.ts";
import { centsToDecimal } from "../compensation/money.ts";
import { compensationView, ledgerLines } from "../compensation/queries.ts";
import { seedDemo } from "./seed.ts";

let t: TestDatabase;
let tableId: string;
const now = new Date("2026-11-24T10:00:00Z");
const account = async (signInName: string) => (await t.db.account.findUniqueOrThrow({ where: { signInName } })).id;

beforeAll(async () => {
  t = await testDatabase();
  tableId = (await seedDemo(t.db, now)).tableId;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe("the Lindendam compensation", () => {
  it("has entries of the evening meeting in every status, one reversal and Saffier paid via RLL", async () => {
    const lines = await ledgerLines(t.db, tableId);
    expect(new Set(lines.map((l) => l.status))).toEqual(new Set(["proposed", "confirmed", "approved", "paid"]));
    expect(lines.filter((l) => l.reversesId)).toHaveLength(1);
    const saffier = await t.db.membership.findFirstOrThrow({ where: { tableId, account: { signInName: "saffier" } } });
    const hers = lines.filter((l) => l.membershipId === saffier.id);
    expect(hers.map((l) => [l.category, l.status, l.amountCents, l.payoutRoute])).toContainEqual([
      "travel",
      "approved",
      640,
      "organisation",
    ]);
    expect(hers.find((l) => l.category === "time")).toMatchObject({ status: "paid", amountCents: 6000, payoutRoute: "organisation" });
    expect(await t.db.vaultValue.count()).toBe(0);
  });

  it("adds up in the treasurer's view and the funder's file, which names no one", async () => {
    const view = await compensationView(t.db, await account("sanne"), tableId, now);
    const csv = await funderCsv(t.db, await account("sanne"), tableId);
    expect(csv).toContain("Stichting Rode Lantaarn Lindendam – delegate");
    expect(csv).not.toContain("Saffier");
    expect(csv.trim().split("\r\n").at(-1)).toBe(`total,,,,${centsToDecimal(view.budget?.totals.total ?? 0)},`);
    const chair = await compensationView(t.db, await account("lotte"), tableId, now);
    expect(chair.all).toBeNull();
    expect(chair.budget).toBeNull();
  });
});
