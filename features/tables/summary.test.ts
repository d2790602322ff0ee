import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount } from "../../test/factories.ts";
import { DEMO_PEOPLE, seedDemo } from "../demo/seed.ts";
import { conditionsOverview } from "../participation/conditions.ts";
import { participationMatrix } from "../participation/queries.ts";
import { activityOf } from "./activity.ts";
import { markCommitmentBreached, recordCommitment } from "./commitments.ts";
import { governanceMap } from "./governance-map.ts";
import { leaveTable } from "./members.ts";
import { tableOverview } from "./overview.ts";
import { publicSummary } from "./summary.ts";

let t: TestDatabase;
let tableId: string;
const accounts = new Map<string, string>();
beforeAll(async () => {
  t = await testDatabase();
  tableId = (await seedDemo(t.db, new Date("2026-11-24T10:00:00Z"))).tableId;
  for (const person of DEMO_PEOPLE) {
    accounts.set(person.signInName, (await t.db.account.findUniqueOrThrow({ where: { signInName: person.signInName } })).id);
  }
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-11-24T12:00:00Z");
const id = (name: string) => accounts.get(name) ?? "";

describe("the Lindendam demo table", () => {
  it("shows an authoritative mandate until 3 March 2027 and which characteristics are met", async () => {
    const overview = await tableOverview(t.db, id("noor"), tableId, now);
    // Co-decision on the by-law article (public order); advisory on care and health.
    expect(overview.standing).toEqual({
      state: "authoritative",
      until: new Date("2027-03-03T00:00:00Z"),
      sharedDomains: ["public_order"],
      advisoryDomains: ["care", "health"],
    });
    expect(overview.parties).toHaveLength(7);
    expect(overview.warnings).toEqual([]);
    expect(Object.fromEntries(overview.characteristics.map((c) => [c.characteristic, c.state]))).toEqual({
      all_parties: "met",
      authoritative: "met",
      no_forum_hopping: "not_met",
      face_to_face: "not_assessable",
      problem_and_facts_first: "not_assessable",
      facilitative_chair: "met",
    });
  });
});

describe("participation in the demo", () => {
  it("has intended forms for every phase and a serious gap where RLL felt merely informed", async () => {
    const matrix = await participationMatrix(t.db, id("lotte"), tableId);
    const rll = matrix.parties.find((p) => p.name.startsWith("Stichting"))?.id;
    expect(matrix.cells.filter((c) => c.partyId === rll && c.intended)).toHaveLength(7);
    const gaps = matrix.gaps.map((g) => ({
      party: matrix.parties.find((p) => p.id === g.partyId)?.name,
      phase: matrix.phases.find((p) => p.id === g.phaseId)?.kind,
      severity: g.severity,
    }));
    expect(gaps).toEqual([{ party: "Stichting Rode Lantaarn Lindendam", phase: "agenda_setting", severity: "serious" }]);
    const problem = matrix.phases.find((p) => p.kind === "problem_definition")?.id ?? null;
    const conditions = await conditionsOverview(t.db, id("lotte"), tableId, problem);
    expect(conditions.items.find((c) => c.item === "INF-3")).toMatchObject({ differs: true });
    expect(
      conditions.items
        .filter((c) => c.answers.length > 0)
        .map((c) => c.item)
        .sort(),
    ).toEqual(["COM-3", "ENV-2", "FIN-1", "INF-3", "OPP-3"]);
  });
});

describe("the public summary", () => {
  it("is visible to anyone, signed in or not, and never names a person", async () => {
    const stranger = await makeAccount(t.db);
    for (const viewer of [null, stranger.id]) {
      const summary = await publicSummary(t.db, viewer, tableId, now);
      expect(summary?.parties.map((p) => p.name)).toContain("Stichting Rode Lantaarn Lindendam");
      const text = JSON.stringify(summary);
      for (const person of DEMO_PEOPLE) {
        expect(text).not.toContain(person.pseudonym);
        expect(text).not.toContain(person.signInName);
      }
    }
  });

  it("is hidden when the table is not public", async () => {
    await t.db.table.update({ where: { id: tableId }, data: { publicSummary: false } });
    expect(await publicSummary(t.db, null, tableId, now)).toBeNull();
    expect(await publicSummary(t.db, id("saffier"), tableId, now)).not.toBeNull();
    await t.db.table.update({ where: { id: tableId }, data: { publicSummary: true } });
  });
});

describe("party commitments", () => {
  it("are recorded by a party's own delegate, and marked breached only by the chair, with a note", async () => {
    const parties = await t.db.party.findMany({ where: { tableId }, select: { id: true, name: true } });
    const rll = parties.find((p) => p.name.startsWith("Stichting"))?.id ?? "";
    const residents = parties.find((p) => p.name.startsWith("Bewoners"))?.id ?? "";
    await expect(recordCommitment(t.db, id("saffier"), tableId, { partyId: residents, kind: "decisions_here" }, now)).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    const commitment = await recordCommitment(
      t.db,
      id("saffier"),
      tableId,
      { partyId: rll, kind: "share_data", text: "Anonieme cijfers van check-ins" },
      now,
    );
    await expect(
      markCommitmentBreached(t.db, id("noor"), tableId, { commitmentId: commitment.id, note: "Niet gedeeld" }, now),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(markCommitmentBreached(t.db, id("lotte"), tableId, { commitmentId: commitment.id, note: "" }, now)).rejects.toMatchObject({
      code: "BREACH_NOTE_REQUIRED",
    });
    await markCommitmentBreached(
      t.db,
      id("lotte"),
      tableId,
      { commitmentId: commitment.id, note: "Cijfers niet gedeeld voor de bijeenkomst" },
      now,
    );
    const overview = await tableOverview(t.db, id("noor"), tableId, now);
    expect(overview.characteristics.find((c) => c.characteristic === "no_forum_hopping")).toMatchObject({
      state: "not_met",
      reason: "commitmentBreached",
    });
  });
});

describe("the governance map", () => {
  it("shows the dual mandate of mayor and alderman and the domains nobody covers, to anyone for public tables", async () => {
    const map = await governanceMap(t.db, null, "lindendam", now);
    expect(map.tables.map((table) => table.title)).toEqual(["Tafel APV thuiswerk"]);
    expect(map.tables[0]?.mandate?.officials.map((o) => o.office)).toEqual(["Burgemeester", "Wethouder"]);
    expect(Object.fromEntries(map.coverage.map((row) => [row.domain, row.state]))).toEqual({
      public_order: "covered",
      care: "covered",
      zoning_permits: "uncovered",
      labour_income: "uncovered",
      health: "covered",
    });
    expect(JSON.stringify(map)).not.toContain("Saffier");
  });

  it("leaves out private tables for people who are not at them", async () => {
    await t.db.table.update({ where: { id: tableId }, data: { publicSummary: false } });
    expect((await governanceMap(t.db, null, "Lindendam", now)).tables).toEqual([]);
    expect((await governanceMap(t.db, id("bram"), "Lindendam", now)).tables).toHaveLength(1);
    await t.db.table.update({ where: { id: tableId }, data: { publicSummary: true } });
  });
});

describe("the activity log", () => {
  it("tells members what changed and by whom, and keeps entries of people who left", async () => {
    const log = await activityOf(t.db, id("saffier"), tableId);
    expect(log.some((e) => e.action === "mandate.amended" && e.actor === "Ilse Verhoef" && e.detail.version === 2)).toBe(true);
    expect(log.some((e) => e.action === "chair.appointed" && e.actor === "Noor Hamdan")).toBe(true);
    // Memberships are never deleted (the ledger and the record point at them): she leaves.
    await leaveTable(t.db, id("ilse"), tableId, now);
    const after = await activityOf(t.db, id("saffier"), tableId);
    expect(after.find((e) => e.action === "mandate.amended")).toMatchObject({ actor: null, formerMember: true });
    const stranger = await makeAccount(t.db);
    await expect(activityOf(t.db, stranger.id, tableId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
