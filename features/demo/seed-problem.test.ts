import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { problemPage } from "../problem/queries.ts";
import { seedDemo } from "./seed.ts";

let t: TestDatabase;
let tableId: string;
let saffier: string;

beforeAll(async () => {
  t = await testDatabase();
  tableId = (await seedDemo(t.db, new Date("2026-11-24T10:00:00Z"))).tableId;
  saffier = (await t.db.account.findFirstOrThrow({ where: { signInName: "saffier" }, select: { id: true } })).id;
});
afterAll(async () => {
  await t.close();
});

describe("the demo's joint problem definition", () => {
  it("has a statement with two versions, their diff and a completed endorsement round", async () => {
    const page = await problemPage(t.db, saffier, tableId, { from: 1, to: 2 }, new Date("2026-11-24T10:00:00Z"));
    expect(page.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(page.diff?.parts.some((part) => part.kind === "added" && part.text.includes("zelfstandig"))).toBe(true);
    const [round] = page.rounds;
    expect(round).toMatchObject({ open: false, version: { number: 2 }, result: { passed: true, counted: 4, supporting: 3 } });
    const residents = round?.parties.find((p) => p.name === "Bewonersvereniging Oude Haven");
    expect(residents).toMatchObject({ answer: "cannot_support" });
    expect(residents?.history.map((h) => h.answer)).toEqual(["stand_aside", "cannot_support"]);
    // Saffier writes the sex worker organisation's perspective and reads the others.
    const own = page.perspectives.find((p) => p.party.name === "Stichting Rode Lantaarn Lindendam");
    expect(own?.access).toBe("write");
    expect(page.perspectives.filter((p) => p.access === "write")).toHaveLength(1);
  });
});
