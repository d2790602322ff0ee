import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable, SOURCED_SHARE } from "../../test/fact-table.ts";
import { makeAccount } from "../../test/factories.ts";
import { activityOf } from "../tables/activity.ts";
import { changeTableStatus } from "../tables/details.ts";
import { changeFactStatus, editFact, proposeFact, recordPosition, setCitationWording } from "./commands.ts";
import type { FactInput } from "./model.ts";
import { factDetail, factRegister } from "./queries.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
const day = new Date("2026-06-01T10:00:00Z");
const later = (minutes: number) => new Date(day.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
});
afterAll(async () => {
  await t.close();
});

const propose = (input: Partial<FactInput> = {}, by = at.facilitator) =>
  proposeFact(t.db, by, at.tableId, { ...SOURCED_SHARE, code: "", ...input } as FactInput, day);
const count = () => t.db.fact.count({ where: { tableId: at.tableId } });

describe("fact records", () => {
  it("holds a range with its qualifier, unit, base and source, and numbers references per table", async () => {
    const first = await propose({ code: "" });
    const second = await propose({ code: "" });
    expect([first.code, second.code]).toEqual(["F-001", "F-002"]);
    const detail = await factDetail(t.db, at.observer, at.tableId, first.id);
    expect(detail.fact).toMatchObject({
      valueKind: "range",
      valueLow: 50,
      valueHigh: 85,
      qualifier: "estimate",
      percentage: true,
      sampleSize: 6,
      denominatorDescription: "Sekswerkers in Nederland (niet geteld)",
      citationChain: ["002 fn 3 → KLPD (2008)"],
      status: "proposed",
      revision: 1,
    });
    expect(detail.history.revisions).toHaveLength(1);
    expect(detail.proposedBy).toMatchObject({ party: null, pseudonym: expect.any(String) });
  });

  it("refuses bad numbers with an error naming the field, and stores nothing", async () => {
    const before = await count();
    const refusals: [Partial<FactInput>, string, string][] = [
      [{ valueLow: "90", valueHigh: "80" }, "FACT_RANGE_ORDER", "valueLow"],
      [{ valueHigh: "120" }, "FACT_PERCENT_RANGE", "valueHigh"],
      [{ valueLow: "-1" }, "FACT_PERCENT_RANGE", "valueLow"],
      [{ unknownShare: "101", percentage: false }, "FACT_PERCENT_RANGE", "unknownShare"],
      [{ sampleSize: "6,5" }, "FACT_COUNT_NOT_INTEGER", "sampleSize"],
      [{ denominatorCount: "veel" }, "FACT_NUMBER_INVALID", "denominatorCount"],
      [
        { valueKind: "count", percentage: false, valueLow: "", valueHigh: "", valuePoint: "6250,5" },
        "FACT_COUNT_NOT_INTEGER",
        "valuePoint",
      ],
      [{ valueKind: "count", percentage: false, valueLow: "", valueHigh: "", valuePoint: "6.250" }, "FACT_NUMBER_AMBIGUOUS", "valuePoint"],
      [{ numeratorCount: "12", denominatorCount: "10" }, "FACT_NUMERATOR_EXCEEDS_DENOMINATOR", "numeratorCount"],
      [{ denominatorUnknown: true, denominatorCount: "100" }, "FACT_DENOMINATOR_CONFLICT", "denominatorUnknown"],
      [{ title: "x" }, "FACT_TITLE_INVALID", "title"],
      [{ code: "COE 02" }, "FACT_CODE_INVALID", "code"],
      [{ evidenceKind: "rumour" as never }, "FACT_EVIDENCE_KIND_REQUIRED", "evidenceKind"],
    ];
    for (const [input, code, field] of refusals) {
      await expect(propose(input), code).rejects.toMatchObject({ code, details: expect.objectContaining({ field }) });
    }
    expect(await count()).toBe(before);
  });

  it("reads decimal commas and refuses a reference that is taken", async () => {
    const { id } = await propose({ code: "AMS-04", valueKind: "share", valueLow: "", valueHigh: "", valuePoint: "64,5" });
    expect((await factDetail(t.db, at.chair, at.tableId, id)).fact.valuePoint).toBe(64.5);
    await expect(propose({ code: "ams-04" })).rejects.toMatchObject({ code: "FACT_CODE_TAKEN", details: { field: "code" } });
  });

  it("lets observers read but not propose, and shows non-members nothing", async () => {
    await expect(propose({}, at.observer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await makeAccount(t.db);
    await expect(factRegister(t.db, stranger.id, at.tableId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { id } = await propose();
    await expect(factDetail(t.db, stranger.id, at.tableId, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await factRegister(t.db, at.observer, at.tableId)).rows.some((row) => row.id === id)).toBe(true);
  });

  it("keeps every edit as a revision and lets a delegate correct only their own party's proposal", async () => {
    const { id } = await propose({}, at.delegates.rll);
    const detail = await factDetail(t.db, at.chair, at.tableId, id);
    expect(detail.proposedBy).toEqual({ party: "Stichting Rode Lantaarn", pseudonym: null, former: false });
    await editFact(t.db, at.delegates.rll, at.tableId, id, { ...SOURCED_SHARE, code: detail.fact.code, valueHigh: "80" }, {}, later(1));
    await expect(
      editFact(t.db, at.delegates.bewoners, at.tableId, id, { ...SOURCED_SHARE, code: detail.fact.code }, {}, later(2)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await factDetail(t.db, at.chair, at.tableId, id);
    expect(after.fact).toMatchObject({ valueHigh: 80, revision: 2 });
    expect(after.history.revisions.map((r) => [r.revision, r.content.valueHigh, r.by.party])).toEqual([
      [2, 80, "Stichting Rode Lantaarn"],
      [1, 85, "Stichting Rode Lantaarn"],
    ]);
    // Saving the same content again is not a new revision.
    const same = await editFact(t.db, at.secretary, at.tableId, id, { ...SOURCED_SHARE, code: detail.fact.code, valueHigh: "80" });
    expect(same.changed).toBe(false);
  });
});

describe("status at the table", () => {
  it("keeps a figure without a source in proposed", async () => {
    const { id } = await propose({ sourceTitle: "", sourceLocator: "", originalSource: "" });
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "under_discussion" })).rejects.toMatchObject({
      code: "FACT_SOURCE_REQUIRED",
    });
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed" })).rejects.toMatchObject({
      code: "FACT_TRANSITION_INVALID",
    });
    await editFact(t.db, at.secretary, at.tableId, id, { ...SOURCED_SHARE, code: "" });
    await changeFactStatus(t.db, at.chair, at.tableId, id, { to: "under_discussion" });
    expect((await factDetail(t.db, at.chair, at.tableId, id)).fact.status).toBe("under_discussion");
  });

  it("lets only the chair and the facilitator move statuses", async () => {
    const { id } = await propose();
    for (const who of [at.secretary, at.observer, at.delegates.rll]) {
      await expect(changeFactStatus(t.db, who, at.tableId, id, { to: "under_discussion" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await changeFactStatus(t.db, at.facilitator, at.tableId, id, { to: "under_discussion" });
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "proposed" })).rejects.toMatchObject({
      code: "FACT_TRANSITION_INVALID",
    });
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "finished" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("agrees a fact only when the decision rule is met by the parties' positions on the current wording", async () => {
    const { id } = await propose({ denominatorDescription: "" });
    await changeFactStatus(t.db, at.chair, at.tableId, id, { to: "under_discussion" }, later(1));
    // A share without its base cannot be agreed, nor a fact without a citation wording.
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed" })).rejects.toMatchObject({
      code: "FACT_DENOMINATOR_REQUIRED",
    });
    await editFact(t.db, at.secretary, at.tableId, id, {
      ...SOURCED_SHARE,
      code: "",
      denominatorDescription: "",
      denominatorUnknown: true,
    });
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed" })).rejects.toMatchObject({
      code: "FACT_WORDING_REQUIRED",
    });
    await setCitationWording(
      t.db,
      at.secretary,
      at.tableId,
      id,
      "Tussen 50% en 85%: een schatting van zes zedenrechercheurs (KLPD 2008), geen meting; de noemer is onbekend.",
    );
    // Three counted parties (the police have no delegate): two thirds means two must accept.
    await recordPosition(t.db, at.delegates.rll, at.tableId, id, { stance: "disputes", reasoning: "Gissingen, geen onderzoek." }, later(2));
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed" })).rejects.toMatchObject({
      code: "FACT_RULE_NOT_MET",
      details: { supporting: 0, counted: 3 },
    });
    await recordPosition(
      t.db,
      at.delegates.bewoners,
      at.tableId,
      id,
      { stance: "accepts_with_caveat", reasoning: "Zelfrapportage telt te laag." },
      later(3),
    );
    await recordPosition(t.db, at.delegates.ggd, at.tableId, id, { stance: "no_position" }, later(4));
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed" })).rejects.toMatchObject({ code: "FACT_RULE_NOT_MET" });
    await recordPosition(t.db, at.delegates.ggd, at.tableId, id, { stance: "accepts" }, later(5));
    await changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed" }, later(6));

    const detail = await factDetail(t.db, at.observer, at.tableId, id);
    expect(detail.fact.status).toBe("agreed");
    expect(detail.result).toMatchObject({ passed: true, counted: 3, supporting: 2, sexWorkerObjection: true });
    expect(detail.result.objections).toEqual([expect.objectContaining({ reason: "Gissingen, geen onderzoek." })]);
    expect(detail.columns.map((c) => [c.name, c.latest?.stance])).toEqual([
      ["Stichting Rode Lantaarn", "disputes"],
      ["Bewonersvereniging Oude Haven", "accepts_with_caveat"],
      ["GGD Regio", "accepts"],
    ]);
    expect(detail.history.statusChanges[0]).toMatchObject({
      from: "under_discussion",
      to: "agreed",
      wording: expect.stringContaining("KLPD 2008"),
    });
    // Once agreed, the wording and the record are fixed until the chair reopens it.
    await expect(setCitationWording(t.db, at.secretary, at.tableId, id, "Andere zin")).rejects.toMatchObject({ code: "FACT_NOT_EDITABLE" });
    await expect(editFact(t.db, at.chair, at.tableId, id, { ...SOURCED_SHARE, code: "" })).rejects.toMatchObject({
      code: "FACT_NOT_EDITABLE",
    });
  });

  it("counts positions only on the revision they were given on", async () => {
    const { id } = await propose();
    await changeFactStatus(t.db, at.chair, at.tableId, id, { to: "under_discussion" });
    await setCitationWording(t.db, at.chair, at.tableId, id, "Eerste formulering.");
    await recordPosition(t.db, at.delegates.bewoners, at.tableId, id, { stance: "accepts" }, later(1));
    await recordPosition(t.db, at.delegates.ggd, at.tableId, id, { stance: "accepts" }, later(2));
    await setCitationWording(t.db, at.chair, at.tableId, id, "Tweede formulering.", later(3));
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed" })).rejects.toMatchObject({
      code: "FACT_RULE_NOT_MET",
      details: { supporting: 0 },
    });
    const detail = await factDetail(t.db, at.chair, at.tableId, id);
    expect(detail.columns.find((c) => c.partyId === at.parties.ggd)).toMatchObject({ current: false, latest: { stance: "accepts" } });
  });

  it("agrees to disagree only over a dispute, retires with a reason and keeps retired records visible", async () => {
    const { id } = await propose();
    await changeFactStatus(t.db, at.chair, at.tableId, id, { to: "under_discussion" });
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed_to_disagree" })).rejects.toMatchObject({
      code: "FACT_NO_DISAGREEMENT",
    });
    await recordPosition(t.db, at.delegates.rll, at.tableId, id, { stance: "disputes", reasoning: "Herkomst onduidelijk." });
    await changeFactStatus(t.db, at.chair, at.tableId, id, { to: "agreed_to_disagree" });
    await expect(changeFactStatus(t.db, at.chair, at.tableId, id, { to: "retired", reason: "" })).rejects.toMatchObject({
      code: "FACT_RETIRE_REASON_REQUIRED",
      details: { field: "reason" },
    });
    await changeFactStatus(t.db, at.chair, at.tableId, id, { to: "retired", reason: "Vervangen door nieuwer cijfer" });
    await expect(recordPosition(t.db, at.delegates.ggd, at.tableId, id, { stance: "accepts" })).rejects.toMatchObject({
      code: "FACT_RETIRED",
    });
    const register = await factRegister(t.db, at.chair, at.tableId, { status: "retired" });
    expect(register.rows.map((row) => row.id)).toContain(id);
    await changeFactStatus(t.db, at.facilitator, at.tableId, id, { to: "proposed" });
    const detail = await factDetail(t.db, at.chair, at.tableId, id);
    expect(detail.history.statusChanges.map((c) => c.to)).toEqual(["proposed", "retired", "agreed_to_disagree", "under_discussion"]);
  });
});

describe("party positions", () => {
  it("are written only by a party's own delegates, for the party their membership names", async () => {
    const { id } = await propose();
    for (const who of [at.chair, at.facilitator, at.secretary, at.observer]) {
      await expect(recordPosition(t.db, who, at.tableId, id, { stance: "accepts", partyId: at.parties.rll })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    // A forged party in the input is ignored: the position is the delegate's own party's.
    const forged = await recordPosition(t.db, at.delegates.bewoners, at.tableId, id, {
      stance: "disputes",
      reasoning: "Niet onze ervaring.",
      partyId: at.parties.rll,
    });
    expect(forged.partyId).toBe(at.parties.bewoners);
    const stored = await t.db.factPosition.findMany({ where: { factId: id } });
    expect(stored.map((p) => p.partyId)).toEqual([at.parties.bewoners]);
  });

  it("need reasoning for a dispute or a caveat, and keep every earlier position", async () => {
    const { id } = await propose();
    await expect(recordPosition(t.db, at.delegates.rll, at.tableId, id, { stance: "disputes", reasoning: "" })).rejects.toMatchObject({
      code: "FACT_REASONING_REQUIRED",
      details: { field: "reasoning" },
    });
    await expect(recordPosition(t.db, at.delegates.rll, at.tableId, id, { stance: "doubts" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await recordPosition(t.db, at.delegates.rll, at.tableId, id, { stance: "disputes", reasoning: "Eerst betwist." }, later(1));
    await recordPosition(
      t.db,
      at.delegates.rll,
      at.tableId,
      id,
      { stance: "accepts_with_caveat", reasoning: "Met de noemer erbij." },
      later(2),
    );
    const detail = await factDetail(t.db, at.chair, at.tableId, id);
    expect(detail.history.positions.map((p) => [p.party, p.stance, p.reasoning])).toEqual([
      ["Stichting Rode Lantaarn", "disputes", "Eerst betwist."],
      ["Stichting Rode Lantaarn", "accepts_with_caveat", "Met de noemer erbij."],
    ]);
    expect(detail.columns.find((c) => c.partyId === at.parties.rll)?.latest?.stance).toBe("accepts_with_caveat");
  });

  it("appear in the activity log under the party, never the person", async () => {
    const { id } = await propose();
    await recordPosition(t.db, at.delegates.rll, at.tableId, id, { stance: "disputes", reasoning: "Nee." });
    const log = await activityOf(t.db, at.observer, at.tableId);
    const entry = log.find((event) => event.action === "fact.position_recorded");
    expect(entry).toMatchObject({
      actor: null,
      spokenAs: { kind: "party", name: "Stichting Rode Lantaarn" },
      detail: { stance: "disputes", fact: { code: expect.any(String) } },
    });
    expect(JSON.stringify(log)).not.toContain("Saffier");
    expect(log.find((event) => event.action === "fact.proposed")?.detail.fact).toBeTruthy();
  });
});

describe("search and filters", () => {
  it("filters by status, kind of evidence, topic, party position and text", async () => {
    const survey = await propose({ code: "VIO-02", title: "Fysiek geweld", evidenceKind: "survey", topic: "Geweld" });
    const claim = await propose({ code: "COE-02", title: "Claim: 80-90% gedwongen", evidenceKind: "claim", topic: "Dwang" });
    await recordPosition(t.db, at.delegates.rll, at.tableId, claim.id, { stance: "disputes", reasoning: "Ongegrond." });
    const codes = async (filters: Parameters<typeof factRegister>[3]) =>
      (await factRegister(t.db, at.chair, at.tableId, filters)).rows.map((row) => row.code);
    expect(await codes({ evidence: "survey" })).toEqual(["VIO-02"]);
    expect(await codes({ topic: "Dwang" })).toEqual(["COE-02"]);
    expect(await codes({ q: "fysiek" })).toEqual(["VIO-02"]);
    expect(await codes({ party: at.parties.rll, stance: "disputes" })).toContain("COE-02");
    expect(await codes({ party: at.parties.rll, stance: "disputes" })).not.toContain("VIO-02");
    expect(await codes({ status: "agreed" })).not.toContain("VIO-02");
    const register = await factRegister(t.db, at.chair, at.tableId);
    expect(register.topics).toEqual(expect.arrayContaining(["Dwang", "Geweld"]));
    expect(register.countedParties.map((p) => p.name)).toEqual(["Stichting Rode Lantaarn", "Bewonersvereniging Oude Haven", "GGD Regio"]);
    expect(survey.id).toBeTruthy();
  });

  it("ignores filter values that do not fit", async () => {
    const { parseRegisterFilters } = await import("./queries.ts");
    expect(parseRegisterFilters({ status: "gone", evidence: "survey", party: "not-a-uuid", q: "" })).toEqual({ evidence: "survey" });
  });
});

describe("a closed table", () => {
  it("keeps its register readable and refuses changes", async () => {
    const { id } = await propose();
    await changeTableStatus(t.db, at.facilitator, at.tableId, "closed");
    await expect(recordPosition(t.db, at.delegates.rll, at.tableId, id, { stance: "accepts" })).rejects.toMatchObject({
      code: "TABLE_CLOSED",
    });
    await expect(propose()).rejects.toMatchObject({ code: "TABLE_CLOSED" });
    expect((await factDetail(t.db, at.observer, at.tableId, id)).fact.id).toBe(id);
    await changeTableStatus(t.db, at.facilitator, at.tableId, "active");
  });
});
