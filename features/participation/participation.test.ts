import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { addParty } from "../tables/parties.ts";
import { listPhases } from "../tables/phases.ts";
import { activitiesOf, createActivity } from "./activities.ts";
import { addGapToNextMeeting, recordPerception, setIntendedForm } from "./commands.ts";
import { answerCondition, conditionsOverview } from "./conditions.ts";
import { csvCell } from "./csv.ts";
import { participationMatrix } from "./queries.ts";
import { type ReportLabels, reportCsv, reportPdf } from "./report.ts";

let t: TestDatabase;
let table: Awaited<ReturnType<typeof makeTable>>;
let rll: string;
let gemeente: string;
let phaseId: string;
let chair: string;
let rllDelegate: string;
let gemeenteDelegate: string;
const day1 = new Date("2026-05-10T10:00:00Z");

beforeAll(async () => {
  t = await testDatabase();
  table = await makeTable(t.db, ["chair"]);
  chair = table.members[0]?.accountId ?? "";
  rll = (
    await addParty(t.db, table.facilitator.accountId, table.tableId, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" })
  ).id;
  gemeente = (
    await addParty(t.db, table.facilitator.accountId, table.tableId, {
      type: "municipality_department",
      name: "Gemeente",
      hasDecisionPower: true,
    })
  ).id;
  const saffier = await makeAccount(t.db, { pseudonym: "Saffier" });
  const ilse = await makeAccount(t.db, { pseudonym: "Ilse" });
  await t.db.membership.create({ data: { tableId: table.tableId, accountId: saffier.id, role: "delegate", partyId: rll } });
  await t.db.membership.create({ data: { tableId: table.tableId, accountId: ilse.id, role: "delegate", partyId: gemeente } });
  rllDelegate = saffier.id;
  gemeenteDelegate = ilse.id;
  const phases = await listPhases(t.db, table.tableId);
  phaseId = phases[1]?.id ?? "";
  await t.db.phase.update({ where: { id: phaseId }, data: { startsOn: new Date("2026-05-01T00:00:00Z") } });
});
afterAll(async () => {
  await t.close();
});

const labels: ReportLabels = {
  title: "Participatierapport",
  columns: ["Partij", "Fase", "Bedoeld", "Ervaren", "Datum", "Verschil", "Toelichting"],
  form: (form) => form,
  phase: (phase) => phase.kind ?? phase.name,
  gap: (severity) => severity ?? "",
  notSet: "-",
  condition: (item) => item,
  answer: (answer) => answer,
  wholeTable: "tafel",
};

describe("participation on the umbrella model", () => {
  it("keeps the history of intended forms, set by the chair with a rationale", async () => {
    await setIntendedForm(t.db, chair, table.tableId, { partyId: rll, phaseId, form: "shared_decision_power", rationale: "Eerst" }, day1);
    await setIntendedForm(
      t.db,
      chair,
      table.tableId,
      { partyId: rll, phaseId, form: "equal_combination", rationale: "Gelijkwaardig" },
      day1,
    );
    await expect(
      setIntendedForm(t.db, rllDelegate, table.tableId, { partyId: rll, phaseId, form: "sex_worker_led" }, day1),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const cell = (await participationMatrix(t.db, chair, table.tableId)).cells.find((c) => c.partyId === rll && c.phaseId === phaseId);
    expect(cell?.intended).toBe("equal_combination");
    expect(cell?.intendedHistory.map((h) => h.form)).toEqual(["shared_decision_power", "equal_combination"]);
  });

  it("lets only a party's own delegates record its perception, not backdated before the phase nor in the future", async () => {
    await expect(
      recordPerception(t.db, gemeenteDelegate, table.tableId, { partyId: rll, phaseId, form: "informing" }, day1),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordPerception(t.db, chair, table.tableId, { partyId: rll, phaseId, form: "informing" }, day1)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      recordPerception(t.db, rllDelegate, table.tableId, { partyId: rll, phaseId, form: "informing", assessedOn: "2026-04-20" }, day1),
    ).rejects.toMatchObject({ code: "ASSESSMENT_BEFORE_PHASE" });
    await expect(
      recordPerception(t.db, rllDelegate, table.tableId, { partyId: rll, phaseId, form: "informing", assessedOn: "2026-05-11" }, day1),
    ).rejects.toMatchObject({ code: "ASSESSMENT_IN_FUTURE" });
    expect(await t.db.perception.count({ where: { tableId: table.tableId } })).toBe(0);
  });

  it("corrects an assessment within 24 hours and adds a new dated one after that", async () => {
    const first = await recordPerception(
      t.db,
      rllDelegate,
      table.tableId,
      { partyId: rll, phaseId, form: "consultation", explanation: "Eerste indruk" },
      day1,
    );
    const corrected = await recordPerception(
      t.db,
      rllDelegate,
      table.tableId,
      { partyId: rll, phaseId, form: "informing", explanation: "Alleen geïnformeerd", replaces: first.id },
      new Date(day1.getTime() + 23 * 3_600_000),
    );
    expect(corrected).toEqual({ id: first.id, corrected: true });
    const later = await recordPerception(
      t.db,
      rllDelegate,
      table.tableId,
      { partyId: rll, phaseId, form: "informing", explanation: "Nog steeds", confidential: true, replaces: first.id },
      new Date(day1.getTime() + 25 * 3_600_000),
    );
    expect(later.corrected).toBe(false);
    const cell = (await participationMatrix(t.db, chair, table.tableId)).cells.find((c) => c.partyId === rll && c.phaseId === phaseId);
    expect(cell?.timeline.map((p) => p.form)).toEqual(["informing", "informing"]);
  });

  it("flags a sex worker party meant to share decisions that felt merely informed as a serious gap", async () => {
    await setIntendedForm(t.db, chair, table.tableId, { partyId: gemeente, phaseId, form: "consultation" }, day1);
    await recordPerception(
      t.db,
      gemeenteDelegate,
      table.tableId,
      { partyId: gemeente, phaseId, form: "shared_decision_power", attribution: "person", explanation: "Wij beslisten mee" },
      day1,
    );
    const matrix = await participationMatrix(t.db, chair, table.tableId);
    expect(matrix.gaps.map((g) => [g.partyId === rll ? "rll" : "gemeente", g.severity])).toEqual([
      ["rll", "serious"],
      ["gemeente", "differs"],
    ]);
    await addGapToNextMeeting(t.db, chair, table.tableId, { partyId: rll, phaseId }, day1);
    await addGapToNextMeeting(t.db, chair, table.tableId, { partyId: rll, phaseId }, day1);
    expect(await t.db.nextMeetingItem.count({ where: { tableId: table.tableId } })).toBe(1);
  });

  it("shows parties each other's perceptions, but a confidential explanation only to the chair and the party itself", async () => {
    const forGemeente = (await participationMatrix(t.db, gemeenteDelegate, table.tableId)).cells.find(
      (c) => c.partyId === rll && c.phaseId === phaseId,
    );
    expect(forGemeente?.timeline.at(-1)).toMatchObject({ form: "informing", explanation: "" });
    const forChair = (await participationMatrix(t.db, chair, table.tableId)).cells.find((c) => c.partyId === rll && c.phaseId === phaseId);
    expect(forChair?.timeline.at(-1)?.explanation).toBe("Nog steeds");
  });

  it("reports per party, without pseudonyms or confidential text, with spreadsheet-safe cells", async () => {
    const matrix = await participationMatrix(t.db, chair, table.tableId);
    const csv = reportCsv(matrix, labels);
    expect(csv).toContain('"Stichting Rode Lantaarn"');
    expect(csv).toContain("Alleen geïnformeerd");
    expect(csv).not.toContain("Nog steeds");
    expect(csv).not.toContain("Saffier");
    expect(csv).not.toContain("Ilse");
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell("+31")).toBe(`"'+31"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@sum")).toBe(`"'@sum"`);
    expect(csvCell('zeg "ja"')).toBe('"zeg ""ja"""');
    const pdf = await reportPdf(matrix, labels, "Tafel");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(800);
  });
});

describe("conditions for meaningful participation", () => {
  it("keep each party's answer, show where parties differ, and let delegates answer only for their own party", async () => {
    await answerCondition(
      t.db,
      rllDelegate,
      table.tableId,
      { partyId: rll, phaseId, item: "INF-3", answer: "partly", evidence: "Factsheets alleen in het Nederlands" },
      day1,
    );
    await answerCondition(t.db, gemeenteDelegate, table.tableId, { partyId: gemeente, phaseId, item: "INF-3", answer: "met" }, day1);
    await expect(
      answerCondition(t.db, rllDelegate, table.tableId, { partyId: gemeente, phaseId, item: "INF-3", answer: "met" }, day1),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      answerCondition(t.db, rllDelegate, table.tableId, { partyId: rll, phaseId, item: "XYZ-9" as "INF-1", answer: "met" }, day1),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const overview = await conditionsOverview(t.db, chair, table.tableId, phaseId);
    const inf3 = overview.find((row) => row.item === "INF-3");
    expect(inf3?.differs).toBe(true);
    expect(inf3?.answers.map((a) => a.answer).sort()).toEqual(["met", "partly"]);
    expect(overview).toHaveLength(22);
  });
});

describe("activities", () => {
  it("can have their own form inside a phase, owned by one party with others as guests", async () => {
    await createActivity(
      t.db,
      chair,
      table.tableId,
      { phaseId, title: "Sekswerker-geleide consultatie", form: "sex_worker_led", ownerPartyId: rll, guestPartyIds: [gemeente] },
      day1,
    );
    await expect(
      createActivity(t.db, chair, table.tableId, { phaseId, title: "x", form: "consultation", ownerPartyId: rll }, day1),
    ).rejects.toMatchObject({ code: "ACTIVITY_TITLE_INVALID" });
    await expect(
      createActivity(
        t.db,
        rllDelegate,
        table.tableId,
        { phaseId, title: "Eigen activiteit", form: "sex_worker_led", ownerPartyId: rll },
        day1,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const overview = await conditionsOverview(t.db, chair, table.tableId, phaseId);
    const csv = reportCsv(await participationMatrix(t.db, chair, table.tableId), labels, [
      { phaseId, rows: overview.filter((r) => r.answers.length > 0) },
    ]);
    expect(csv).toContain('"INF-3","partly"');
    expect(csv).toContain("Factsheets alleen in het Nederlands");
    const list = await activitiesOf(t.db, gemeenteDelegate, table.tableId);
    expect(list.map((a) => [a.title, a.form, a.guestPartyIds])).toEqual([["Sekswerker-geleide consultatie", "sex_worker_led", [gemeente]]]);
  });
});
