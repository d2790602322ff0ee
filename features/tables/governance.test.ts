import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeTable } from "../../test/factories.ts";
import { appointChair, chairStanding } from "./chair.ts";
import { assessCharacteristics } from "./characteristics.ts";
import { changeRole } from "./commands.ts";
import { changeTableStatus, updateTableDetails } from "./details.ts";
import { mandateHistory, mandateStanding, recordMandate } from "./mandates.ts";
import { addParty, listParties, presenceWarnings } from "./parties.ts";
import { listPhases, setCurrentPhase, updatePhase } from "./phases.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2025-04-01T10:00:00Z");

const lindendamMandate = {
  issuingBody: "college" as const,
  decisionReference: "LD-2025-014",
  decisionDate: "2025-03-03",
  scope: "Samen een herzien artikel en een monitoringsplan opstellen",
  domains: [
    { domain: "public_order" as const, decisionPower: "binding_recommendation" as const },
    { domain: "care" as const, decisionPower: "binding_recommendation" as const },
  ],
  issuerCommitment: "De tekst van de tafel voorleggen of afwijkingen uitleggen",
  termStart: "2025-03-03",
  termEnd: "2026-03-03",
  officials: [
    { office: "Burgemeester", portfolio: "Openbare orde", domains: ["public_order" as const] },
    { office: "Wethouder", portfolio: "Zorg", domains: ["care" as const] },
  ],
};

describe("table details and status", () => {
  it("are changed by the facilitator only, and a closed table refuses changes with its own error", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["delegate"]);
    const details = {
      title: "Tafel APV thuiswerk",
      policyQuestion: "Moet thuiswerk worden toegestaan?",
      municipality: "Lindendam",
      region: "",
      languages: ["nl", "en"] as ("nl" | "en")[],
      decisionRule: "all_or_most" as const,
      publicSummary: true,
    };
    await updateTableDetails(t.db, facilitator.accountId, tableId, details, now);
    expect(await t.db.table.findUniqueOrThrow({ where: { id: tableId }, select: { municipality: true, languages: true } })).toEqual({
      municipality: "Lindendam",
      languages: ["nl", "en"],
    });
    await expect(updateTableDetails(t.db, members[0]?.accountId ?? "", tableId, details, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateTableDetails(t.db, facilitator.accountId, tableId, { ...details, languages: [] }, now)).rejects.toMatchObject({
      code: "LANGUAGES_REQUIRED",
    });
    await changeTableStatus(t.db, facilitator.accountId, tableId, "closed", now);
    await expect(updateTableDetails(t.db, facilitator.accountId, tableId, { ...details, title: "Nieuw" }, now)).rejects.toMatchObject({
      code: "TABLE_CLOSED",
    });
    expect((await t.db.table.findUniqueOrThrow({ where: { id: tableId } })).title).toBe("Tafel APV thuiswerk");
    await changeTableStatus(t.db, facilitator.accountId, tableId, "active", now);
    expect((await t.db.auditEvent.findMany({ where: { tableId, action: "table.status_changed" } })).map((e) => e.data)).toHaveLength(2);
  });
});

describe("parties", () => {
  it("warn when no sex worker party and no party with decision power are at the table", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    expect(presenceWarnings([])).toEqual(["NO_SEX_WORKER_PARTY", "NO_DECISION_POWER"]);
    await addParty(
      t.db,
      facilitator.accountId,
      tableId,
      { type: "municipality_department", name: "Gemeente Lindendam", hasDecisionPower: true },
      now,
    );
    expect(presenceWarnings(await listParties(t.db, tableId))).toEqual(["NO_SEX_WORKER_PARTY"]);
    await addParty(
      t.db,
      facilitator.accountId,
      tableId,
      { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn Lindendam", represents: "Sekswerkers in Lindendam" },
      now,
    );
    expect(presenceWarnings(await listParties(t.db, tableId))).toEqual([]);
  });

  it("refuse an empty name and change nothing", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await expect(addParty(t.db, facilitator.accountId, tableId, { type: "police", name: " " }, now)).rejects.toMatchObject({
      code: "PARTY_NAME_INVALID",
    });
    expect(await t.db.party.count({ where: { tableId } })).toBe(0);
  });
});

describe("phases", () => {
  it("start as the seven default phases with the first current, and refuse an end before the start", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["chair", "observer"]);
    const phases = await listPhases(t.db, tableId);
    expect(phases.map((p) => p.kind)).toEqual([
      "agenda_setting",
      "problem_definition",
      "fact_finding",
      "options_and_drafting",
      "decision",
      "implementation",
      "monitoring_and_evaluation",
    ]);
    expect(phases.filter((p) => p.current).map((p) => p.kind)).toEqual(["agenda_setting"]);
    const second = phases[1]?.id ?? "";
    await setCurrentPhase(t.db, members[0]?.accountId ?? "", tableId, second, now);
    expect((await listPhases(t.db, tableId)).find((p) => p.current)?.id).toBe(second);
    await expect(
      updatePhase(
        t.db,
        facilitator.accountId,
        tableId,
        second,
        { name: "", deliverables: "", startsOn: "2025-05-01", endsOn: "2025-04-01" },
        now,
      ),
    ).rejects.toMatchObject({ code: "PHASE_ENDS_BEFORE_START" });
    await expect(setCurrentPhase(t.db, members[1]?.accountId ?? "", tableId, second, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("mandate", () => {
  it("is recorded, amended as a new version with its history kept, and shows until when the table is authoritative", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await recordMandate(t.db, facilitator.accountId, tableId, lindendamMandate, now);
    await expect(
      recordMandate(t.db, facilitator.accountId, tableId, { ...lindendamMandate, termEnd: "2026-06-03" }, now),
    ).rejects.toMatchObject({ code: "AMENDMENT_NOTE_REQUIRED" });
    await recordMandate(
      t.db,
      facilitator.accountId,
      tableId,
      { ...lindendamMandate, termEnd: "2026-06-03", amendmentNote: "Verlengd met drie maanden" },
      now,
    );
    const history = await mandateHistory(t.db, tableId);
    expect(history.map((v) => [v.version, v.termEnd.toISOString().slice(0, 10)])).toEqual([
      [2, "2026-06-03"],
      [1, "2026-03-03"],
    ]);
    expect(history[0]?.officials.map((o) => o.portfolio)).toEqual(["Openbare orde", "Zorg"]);
    expect(mandateStanding(history[0], now)).toEqual({
      state: "authoritative",
      until: new Date("2026-06-03T00:00:00Z"),
      sharedDomains: ["public_order", "care"],
      advisoryDomains: [],
    });
    expect(mandateStanding(history[0], new Date("2026-07-01T00:00:00Z")).state).toBe("lapsed");
  });

  it("refuses a term that ends before it starts, and records nothing", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await expect(
      recordMandate(t.db, facilitator.accountId, tableId, { ...lindendamMandate, termEnd: "2025-01-01" }, now),
    ).rejects.toMatchObject({ code: "MANDATE_TERM_INVALID" });
    expect(await t.db.mandateVersion.count({ where: { tableId } })).toBe(0);
  });
});

describe("the neutral chair", () => {
  it("cannot be a delegate of a party, nor hold political office, and is appointed with a declaration", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["delegate", "observer"]);
    const [delegate, observer] = members;
    await expect(
      appointChair(t.db, facilitator.accountId, tableId, { membershipId: delegate?.membershipId ?? "", holdsPoliticalOffice: false }, now),
    ).rejects.toMatchObject({ code: "CHAIR_IS_DELEGATE" });
    await expect(
      appointChair(t.db, facilitator.accountId, tableId, { membershipId: observer?.membershipId ?? "", holdsPoliticalOffice: true }, now),
    ).rejects.toMatchObject({ code: "CHAIR_HOLDS_OFFICE" });
    await expect(
      changeRole(t.db, facilitator.accountId, { tableId, membershipId: observer?.membershipId ?? "", role: "chair" }, now),
    ).rejects.toMatchObject({ code: "CHAIR_DECLARATION_REQUIRED" });
    expect(await chairStanding(t.db, tableId)).toBeNull();
    await appointChair(
      t.db,
      facilitator.accountId,
      tableId,
      { membershipId: observer?.membershipId ?? "", holdsPoliticalOffice: false, declaredTies: "Geen" },
      now,
    );
    expect(await chairStanding(t.db, tableId)).toEqual({ declared: true });
    const declaration = await t.db.chairDeclaration.findFirstOrThrow({ where: { tableId } });
    expect(declaration).toMatchObject({
      appointedBy: facilitator.membershipId,
      declaredTies: "Geen",
      membershipId: observer?.membershipId,
    });
  });
});

describe("the six characteristics", () => {
  it("say which are met, which not, and which cannot be assessed yet, with a reason", async () => {
    const empty = assessCharacteristics({ parties: [], commitments: [], chair: null, now });
    expect(empty.map((a) => [a.characteristic, a.state, a.reason])).toEqual([
      ["all_parties", "not_met", "noParties"],
      ["authoritative", "not_met", "mandate_none"],
      ["no_forum_hopping", "not_met", "notAllCommitted"],
      ["face_to_face", "not_assessable", "needsMeetings"],
      ["problem_and_facts_first", "not_assessable", "needsFactRegister"],
      ["facilitative_chair", "not_met", "noChair"],
    ]);
    const full = assessCharacteristics({
      parties: [
        { id: "a", name: "RLL", type: "sex_worker_organisation", hasDecisionPower: false },
        { id: "b", name: "Gemeente", type: "municipality_department", hasDecisionPower: true },
      ],
      latestMandate: {
        domains: [{ domain: "care", decisionPower: "binding_recommendation" }],
        termStart: new Date("2025-03-03"),
        termEnd: new Date("2026-03-03"),
      },
      commitments: [
        { partyId: "a", kind: "decisions_here", status: "committed" },
        { partyId: "b", kind: "decisions_here", status: "committed" },
      ],
      chair: { declared: true },
      now,
    });
    expect(full.filter((a) => a.state === "met").map((a) => a.characteristic)).toEqual([
      "all_parties",
      "authoritative",
      "no_forum_hopping",
      "facilitative_chair",
    ]);
  });
});
