import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, uniqueName } from "../../test/factories.ts";
import { pdfFontNames, pdfText } from "../../test/pdf-text.ts";
import { recordAudit } from "../audit/record.ts";
import { activityOf } from "../tables/activity.ts";
import { createTable } from "../tables/commands.ts";
import type { Role } from "../tables/model.ts";
import { addParty } from "../tables/parties.ts";
import { listPhases } from "../tables/phases.ts";
import { activitiesOf, createActivity } from "./activities.ts";
import { addGapToNextMeeting, recordPerception, setIntendedForm } from "./commands.ts";
import { answerCondition, conditionsOverview } from "./conditions.ts";
import { csvCell } from "./csv.ts";
import { participationMatrix } from "./queries.ts";
import { type ReportLabels, reportCsv, reportPdf } from "./report.ts";

let t: TestDatabase;
// People are made once per file (a passphrase hash is costly); every test gets a table of its own.
type Person = { accountId: string; pseudonym: string };
let people: Record<"facilitator" | "chair" | "observer" | "saffier" | "orhidee" | "ilse" | "newcomer", Person>;
beforeAll(async () => {
  t = await testDatabase();
  const person = async (name: string) => {
    const account = await makeAccount(t.db, { pseudonym: uniqueName(name) });
    return { accountId: account.id, pseudonym: account.pseudonym };
  };
  people = {
    facilitator: await person("Noor"),
    chair: await person("Lotte"),
    observer: await person("Bram"),
    saffier: await person("Saffier"),
    orhidee: await person("Orhidee"),
    ilse: await person("Ilse"),
    newcomer: await person("Nieuw"),
  };
});
afterAll(async () => {
  await t.close();
});

const day1 = new Date("2026-05-10T10:00:00Z");
const hours = (n: number) => new Date(day1.getTime() + n * 3_600_000);

/**
 * A fresh table for one test: a facilitator, a chair, an observer, two parties (a sex worker
 * organisation with two delegates, a municipality with one), a phase that began on 1 May.
 */
async function participationTable() {
  const facilitator = people.facilitator.accountId;
  const { id: tableId } = await createTable(t.db, facilitator, { title: uniqueName("Tafel") });
  const member = async (who: Person, role: Role, partyId: string | null = null) => {
    const membership = await t.db.membership.create({ data: { tableId, accountId: who.accountId, role, partyId }, select: { id: true } });
    return { ...who, membershipId: membership.id };
  };
  const rll = (await addParty(t.db, facilitator, tableId, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" })).id;
  const gemeente = (
    await addParty(t.db, facilitator, tableId, { type: "municipality_department", name: "Gemeente", hasDecisionPower: true })
  ).id;
  const chair = await member(people.chair, "chair");
  const observer = await member(people.observer, "observer");
  const saffier = await member(people.saffier, "delegate", rll);
  const orhidee = await member(people.orhidee, "delegate", rll);
  const ilse = await member(people.ilse, "delegate", gemeente);
  const phases = await listPhases(t.db, tableId);
  const phaseId = phases[1]?.id ?? "";
  await t.db.phase.update({ where: { id: phaseId }, data: { startsOn: new Date("2026-05-01T00:00:00Z") } });
  return {
    tableId,
    facilitator,
    chair: chair.accountId,
    observer: observer.accountId,
    rll,
    gemeente,
    saffier,
    orhidee,
    ilse,
    /** A delegate placed without a party. */
    newcomer: () => member(people.newcomer, "delegate"),
    phaseId,
  };
}
type Setup = Awaited<ReturnType<typeof participationTable>>;

const cellOf = async (s: Setup, reader: string, partyId: string) =>
  (await participationMatrix(t.db, reader, s.tableId, hours(1))).cells.find((c) => c.partyId === partyId && c.phaseId === s.phaseId);

const labels: ReportLabels = {
  locale: "nl",
  title: "Participatierapport",
  perceptionsTitle: "Bedoeld en ervaren",
  conditionsTitle: "Voorwaarden",
  perceptionColumns: ["Partij", "Fase", "Bedoeld", "Ervaren", "Datum", "Status", "Verschil", "Toelichting"],
  conditionColumns: ["Antwoord van", "Voor", "Voorwaarde", "Antwoord", "Datum", "Status", "Onderbouwing"],
  status: (status) => status,
  form: (form) => form,
  phase: (phase) => phase.kind ?? phase.name,
  gap: (severity) => severity ?? "",
  notSet: "-",
  condition: (item) => item,
  answer: (answer) => answer,
  wholeTable: "tafel",
  processOwner: (role) => `${role} (eigen antwoord)`,
};

describe("intended forms", () => {
  it("keep their history, set by the chair with a rationale", async () => {
    const s = await participationTable();
    await setIntendedForm(
      t.db,
      s.chair,
      s.tableId,
      { partyId: s.rll, phaseId: s.phaseId, form: "shared_decision_power", rationale: "Eerst" },
      day1,
    );
    await setIntendedForm(
      t.db,
      s.chair,
      s.tableId,
      { partyId: s.rll, phaseId: s.phaseId, form: "equal_combination", rationale: "Later" },
      day1,
    );
    await expect(
      setIntendedForm(t.db, s.saffier.accountId, s.tableId, { partyId: s.rll, phaseId: s.phaseId, form: "sex_worker_led" }, day1),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const cell = await cellOf(s, s.chair, s.rll);
    expect(cell?.intended).toBe("equal_combination");
    expect(cell?.intendedHistory.map((h) => h.form)).toEqual(["shared_decision_power", "equal_combination"]);
  });
});

describe("perceptions", () => {
  it("are recorded by a party's own delegates only, for the party of their membership", async () => {
    const s = await participationTable();
    await expect(recordPerception(t.db, s.chair, s.tableId, { phaseId: s.phaseId, form: "informing" }, day1)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(recordPerception(t.db, s.facilitator, s.tableId, { phaseId: s.phaseId, form: "informing" }, day1)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const partyless = await s.newcomer();
    await expect(
      recordPerception(t.db, partyless.accountId, s.tableId, { phaseId: s.phaseId, form: "informing" }, day1),
    ).rejects.toMatchObject({ code: "NO_PARTY_TO_SPEAK_FOR" });
    // A party named in the request is not listened to: the municipality's delegate speaks for the municipality.
    const forged = { phaseId: s.phaseId, form: "informing", partyId: s.rll } as Parameters<typeof recordPerception>[3];
    await recordPerception(t.db, s.ilse.accountId, s.tableId, forged, day1);
    expect(await t.db.perception.findMany({ where: { tableId: s.tableId }, select: { partyId: true } })).toEqual([{ partyId: s.gemeente }]);
  });

  it("are never backdated before the phase began nor dated in the future", async () => {
    const s = await participationTable();
    const attempt = (assessedOn: string) =>
      recordPerception(t.db, s.saffier.accountId, s.tableId, { phaseId: s.phaseId, form: "informing", assessedOn }, day1);
    await expect(attempt("2026-04-20")).rejects.toMatchObject({ code: "ASSESSMENT_BEFORE_PHASE" });
    await expect(attempt("2026-05-11")).rejects.toMatchObject({ code: "ASSESSMENT_IN_FUTURE" });
    await expect(attempt("2026-02-31")).rejects.toMatchObject({ code: "INVALID_DATE" });
    expect(await t.db.perception.count({ where: { tableId: s.tableId } })).toBe(0);
  });

  it("are corrected by their author within 24 hours, keeping the earlier text as history; later a correction is a new assessment", async () => {
    const s = await participationTable();
    const first = await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", explanation: "Eerste indruk" },
      day1,
    );
    const corrected = await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "informing", explanation: "Alleen geïnformeerd", replaces: first.id },
      hours(23),
    );
    expect(corrected).toEqual({ id: first.id, corrected: true });
    const later = await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "informing", explanation: "Nog steeds", replaces: first.id },
      hours(25),
    );
    expect(later.corrected).toBe(false);
    const cell = await cellOf(s, s.chair, s.rll);
    expect(cell?.timeline.map((p) => [p.form, p.explanation, p.current])).toEqual([
      ["informing", "Alleen geïnformeerd", false],
      ["informing", "Nog steeds", true],
    ]);
    expect(cell?.timeline[0]?.revisions.map((r) => [r.form, r.explanation, r.replacedAt])).toEqual([
      ["consultation", "Eerste indruk", hours(23)],
    ]);
    // Still the author's, still as the organisation.
    const row = await t.db.perception.findUniqueOrThrow({ where: { id: first.id } });
    expect([row.recordedBy, row.attribution]).toEqual([s.saffier.membershipId, "organisation"]);
  });

  it("lose no text when two corrections of the same assessment cross", async () => {
    const s = await participationTable();
    const p = await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", explanation: "A" },
      day1,
    );
    const correct = (explanation: string) =>
      recordPerception(
        t.db,
        s.saffier.accountId,
        s.tableId,
        { phaseId: s.phaseId, form: "informing", explanation, replaces: p.id },
        hours(1),
      );
    const results = await Promise.allSettled([correct("B"), correct("C")]);
    const done = results.flatMap((r, i) => (r.status === "fulfilled" ? [["B", "C"][i] ?? ""] : []));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CHANGED_MEANWHILE" });
    const row = await t.db.perception.findUniqueOrThrow({ where: { id: p.id }, include: { revisions: true } });
    // Every text that was ever the assessment's is still there: the original and each correction.
    const texts = [...row.revisions.map((r) => r.explanation), row.explanation].sort();
    expect(texts).toEqual(["A", ...done].sort());
  });

  it("cannot be overwritten by a colleague of the same party, within the window or after", async () => {
    const s = await participationTable();
    const mine = await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", explanation: "Mijn woorden", attribution: "person" },
      day1,
    );
    for (const at of [hours(1), hours(30)]) {
      await expect(
        recordPerception(
          t.db,
          s.orhidee.accountId,
          s.tableId,
          { phaseId: s.phaseId, form: "informing", explanation: "Andere woorden", replaces: mine.id },
          at,
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const row = await t.db.perception.findUniqueOrThrow({ where: { id: mine.id } });
    expect([row.form, row.explanation, row.recordedBy]).toEqual(["consultation", "Mijn woorden", s.saffier.membershipId]);
    expect(await t.db.perceptionRevision.count({ where: { perceptionId: mine.id } })).toBe(0);
    expect(await t.db.perception.count({ where: { tableId: s.tableId } })).toBe(1);
    // The page offers the correction to the author only.
    expect((await cellOf(s, s.saffier.accountId, s.rll))?.timeline[0]?.correction).toBe("correct");
    expect((await cellOf(s, s.orhidee.accountId, s.rll))?.timeline[0]?.correction).toBe("forbidden");
    expect((await cellOf(s, s.chair, s.rll))?.timeline[0]?.correction).toBe("forbidden");
  });

  it("show a sex worker party meant to share decisions that felt merely informed as a serious gap", async () => {
    const s = await participationTable();
    await setIntendedForm(t.db, s.chair, s.tableId, { partyId: s.rll, phaseId: s.phaseId, form: "equal_combination" }, day1);
    await setIntendedForm(t.db, s.chair, s.tableId, { partyId: s.gemeente, phaseId: s.phaseId, form: "consultation" }, day1);
    await recordPerception(t.db, s.saffier.accountId, s.tableId, { phaseId: s.phaseId, form: "informing" }, day1);
    await recordPerception(t.db, s.ilse.accountId, s.tableId, { phaseId: s.phaseId, form: "shared_decision_power" }, day1);
    const matrix = await participationMatrix(t.db, s.chair, s.tableId);
    expect(matrix.gaps.map((g) => [g.partyId === s.rll ? "rll" : "gemeente", g.severity])).toEqual([
      ["rll", "serious"],
      ["gemeente", "differs"],
    ]);
    await addGapToNextMeeting(t.db, s.chair, s.tableId, { partyId: s.rll, phaseId: s.phaseId }, day1);
    await addGapToNextMeeting(t.db, s.chair, s.tableId, { partyId: s.rll, phaseId: s.phaseId }, day1);
    expect(await t.db.nextMeetingItem.count({ where: { tableId: s.tableId } })).toBe(1);
    await expect(
      addGapToNextMeeting(t.db, s.saffier.accountId, s.tableId, { partyId: s.rll, phaseId: s.phaseId }, day1),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("show every party each other's forms, but a confidential explanation and its history only to the chair and the party itself", async () => {
    const s = await participationTable();
    const p = await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", explanation: "Vertrouwelijk eerst", confidential: true },
      day1,
    );
    await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "informing", explanation: "Vertrouwelijk nu", confidential: true, replaces: p.id },
      hours(1),
    );
    for (const reader of [s.chair, s.orhidee.accountId, s.saffier.accountId]) {
      const seen = (await cellOf(s, reader, s.rll))?.timeline[0];
      expect([seen?.explanation, seen?.revisions[0]?.explanation]).toEqual(["Vertrouwelijk nu", "Vertrouwelijk eerst"]);
    }
    for (const reader of [s.ilse.accountId, s.facilitator, s.observer]) {
      const seen = (await cellOf(s, reader, s.rll))?.timeline[0];
      expect([seen?.form, seen?.explanation, seen?.revisions[0]?.explanation]).toEqual(["informing", "", ""]);
    }
  });
});

describe("the participation report", () => {
  it("names parties, never people — even for a contribution made as a person — and marks current, history and corrected texts", async () => {
    const s = await participationTable();
    await setIntendedForm(t.db, s.chair, s.tableId, { partyId: s.rll, phaseId: s.phaseId, form: "equal_combination" }, day1);
    const p = await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", explanation: "Eerste versie", attribution: "person" },
      day1,
    );
    await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", explanation: "Verbeterde versie", replaces: p.id },
      hours(2),
    );
    await recordPerception(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "informing", explanation: "Voor de voorzitter", confidential: true },
      hours(3),
    );
    await answerCondition(
      t.db,
      s.ilse.accountId,
      s.tableId,
      { phaseId: s.phaseId, item: "INF-3", answer: "met", evidence: "=HYPERLINK(1)", attribution: "person" },
      day1,
    );
    const matrix = await participationMatrix(t.db, s.chair, s.tableId, hours(4));
    // The page names Saffier, who chose to speak as a person: so the report leaving her out means something.
    expect(JSON.stringify(matrix)).toContain(s.saffier.pseudonym);
    const conditions = [{ phaseId: s.phaseId, items: (await conditionsOverview(t.db, s.chair, s.tableId, s.phaseId)).items }];
    expect(JSON.stringify(conditions)).toContain(s.ilse.pseudonym);
    const csv = reportCsv(matrix, labels, "Tafel", conditions);
    expect(csv).not.toContain(s.saffier.pseudonym);
    expect(csv).not.toContain(s.ilse.pseudonym);
    expect(csv).not.toContain("Voor de voorzitter");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toEqual([
      '"Participatierapport — Tafel"',
      "",
      '"Bedoeld en ervaren"',
      '"Partij","Fase","Bedoeld","Ervaren","Datum","Status","Verschil","Toelichting"',
      '"Stichting Rode Lantaarn","problem_definition","equal_combination","consultation","2026-05-10","corrected","","Eerste versie"',
      '"Stichting Rode Lantaarn","problem_definition","equal_combination","consultation","2026-05-10","history","","Verbeterde versie"',
      '"Stichting Rode Lantaarn","problem_definition","equal_combination","informing","2026-05-10","current","serious",""',
      "",
      '"Voorwaarden"',
      '"Antwoord van","Voor","Voorwaarde","Antwoord","Datum","Status","Onderbouwing"',
      `"Gemeente","problem_definition","INF-3","met","2026-05-10","current","'=HYPERLINK(1)"`,
    ]);
  });

  it("quotes cells so a spreadsheet never runs them as formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell("+31")).toBe(`"'+31"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@sum")).toBe(`"'@sum"`);
    expect(csvCell('zeg "ja"')).toBe('"zeg ""ja"""');
  });

  it("prints Bulgarian, Greek and Thai in the PDF's text layer with embedded fonts, and dates in the reader's language", async () => {
    const s = await participationTable();
    await t.db.party.update({ where: { id: s.gemeente }, data: { name: "Община Линдендам" } });
    await recordPerception(
      t.db,
      s.ilse.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", explanation: "Информацията беше само на нидерландски. ข้อมูลมีเฉพาะภาษาดัตช์ Ελληνικά" },
      day1,
    );
    const matrix = await participationMatrix(t.db, s.chair, s.tableId);
    const pdf = await reportPdf(matrix, labels, "Tafel Lindendam");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain("Община Линдендам");
    expect(text).toContain("Информацията беше само на нидерландски.");
    expect(text).toContain("ข้อมูลมีเฉพาะภาษาดัตช์");
    expect(text).toContain("Ελληνικά");
    expect(text).toContain("10 mei 2026");
    const fonts = pdfFontNames(pdf);
    expect(fonts.some((name) => name.endsWith("+NotoSans-Regular"))).toBe(true);
    expect(fonts.some((name) => name.endsWith("+NotoSansThai-Regular"))).toBe(true);
    expect(fonts.filter((name) => !name.includes("+Noto"))).toEqual([]);
    const english = await pdfText(await reportPdf(matrix, { ...labels, locale: "en" }, "Tafel Lindendam"));
    expect(english).toContain("May 10, 2026");
  });
});

describe("conditions for meaningful participation", () => {
  it("are answered by each party's delegates for their own party only, and show where parties differ", async () => {
    const s = await participationTable();
    await answerCondition(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: s.phaseId, item: "INF-3", answer: "partly", evidence: "Factsheets alleen in het Nederlands" },
      day1,
    );
    // A party named in the request is ignored: Ilse answers for the municipality.
    const forged = { phaseId: s.phaseId, item: "INF-3", answer: "met", partyId: s.rll } as Parameters<typeof answerCondition>[3];
    await answerCondition(t.db, s.ilse.accountId, s.tableId, forged, day1);
    await expect(
      answerCondition(t.db, s.saffier.accountId, s.tableId, { phaseId: s.phaseId, item: "XYZ-9" as "INF-1", answer: "met" }, day1),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      answerCondition(t.db, s.observer, s.tableId, { phaseId: s.phaseId, item: "INF-3", answer: "met" }, day1),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const overview = await conditionsOverview(t.db, s.chair, s.tableId, s.phaseId);
    const inf3 = overview.items.find((row) => row.item === "INF-3");
    expect(inf3?.differs).toBe(true);
    expect(inf3?.answers.map((a) => [a.voice, a.answer])).toEqual(
      expect.arrayContaining([
        [{ kind: "party", partyId: s.rll }, "partly"],
        [{ kind: "party", partyId: s.gemeente }, "met"],
      ]),
    );
    expect(overview.items).toHaveLength(22);
  });

  it("let the chair and facilitator give their own answer for the whole table, never a party's", async () => {
    const s = await participationTable();
    await expect(
      answerCondition(t.db, s.chair, s.tableId, { phaseId: s.phaseId, item: "COM-3", answer: "met" }, day1),
    ).rejects.toMatchObject({ code: "PROCESS_ANSWERS_WHOLE_TABLE" });
    // Even asked to, the chair does not answer for a party.
    const forged = { phaseId: "", item: "COM-3", answer: "met", partyId: s.rll } as Parameters<typeof answerCondition>[3];
    await answerCondition(t.db, s.chair, s.tableId, forged, day1);
    await answerCondition(t.db, s.facilitator, s.tableId, { phaseId: "", item: "COM-3", answer: "partly", attribution: "person" }, day1);
    expect(
      await t.db.conditionAnswer.findMany({
        where: { tableId: s.tableId },
        select: { partyId: true, ownerRole: true },
        orderBy: { ownerRole: "asc" },
      }),
    ).toEqual([
      { partyId: null, ownerRole: "facilitator" },
      { partyId: null, ownerRole: "chair" },
    ]);
    const overview = await conditionsOverview(t.db, s.ilse.accountId, s.tableId, null);
    const com3 = overview.items.find((row) => row.item === "COM-3");
    expect(com3?.answers.map((a) => [a.voice, a.author])).toEqual(
      expect.arrayContaining([
        [
          { kind: "process", role: "chair" },
          { kind: "process", role: "chair" },
        ],
        [
          { kind: "process", role: "facilitator" },
          { kind: "process", role: "facilitator" },
        ],
      ]),
    );
    // Process owners' answers are not a party disagreeing.
    expect(com3?.differs).toBe(false);
    expect(overview.processRoles.sort()).toEqual(["chair", "facilitator"]);
    expect(overview.mine).toEqual({ kind: "party", partyId: s.gemeente });
    expect((await conditionsOverview(t.db, s.chair, s.tableId, null)).mine).toEqual({ kind: "process", role: "chair" });
    expect(await conditionsOverview(t.db, s.chair, s.tableId, s.phaseId)).toMatchObject({ mine: null, onlyWholeTable: true });
    expect(await conditionsOverview(t.db, s.observer, s.tableId, null)).toMatchObject({ mine: null, onlyWholeTable: false });
  });

  it("keep earlier answers as history and name a person only when they chose so", async () => {
    const s = await participationTable();
    await answerCondition(
      t.db,
      s.saffier.accountId,
      s.tableId,
      { phaseId: "", item: "FIN-1", answer: "not_met", attribution: "person" },
      day1,
    );
    await answerCondition(t.db, s.orhidee.accountId, s.tableId, { phaseId: "", item: "FIN-1", answer: "met" }, hours(1));
    const fin1 = (await conditionsOverview(t.db, s.ilse.accountId, s.tableId, null)).items.find((row) => row.item === "FIN-1");
    expect(fin1?.answers).toHaveLength(1);
    expect(fin1?.answers[0]).toMatchObject({ answer: "met", author: { kind: "party", partyId: s.rll } });
    expect(fin1?.answers[0]?.earlier).toMatchObject([{ answer: "not_met", author: { kind: "person", pseudonym: s.saffier.pseudonym } }]);
  });
});

describe("the activity log", () => {
  it("names the party for what a delegate contributed as the organisation, and the person only when they chose so", async () => {
    const s = await participationTable();
    await recordPerception(t.db, s.saffier.accountId, s.tableId, { phaseId: s.phaseId, form: "informing" }, day1);
    const p = await recordPerception(
      t.db,
      s.orhidee.accountId,
      s.tableId,
      { phaseId: s.phaseId, form: "consultation", attribution: "person" },
      day1,
    );
    await recordPerception(t.db, s.orhidee.accountId, s.tableId, { phaseId: s.phaseId, form: "informing", replaces: p.id }, hours(1));
    await answerCondition(t.db, s.saffier.accountId, s.tableId, { phaseId: s.phaseId, item: "INF-3", answer: "partly" }, day1);
    await answerCondition(t.db, s.chair, s.tableId, { phaseId: "", item: "COM-3", answer: "met" }, day1);
    // Written before attribution was recorded: they must not name Saffier either.
    await recordAudit(t.db, {
      action: "participation.perception_corrected",
      tableId: s.tableId,
      data: { by: s.saffier.membershipId, perception: p.id },
    });
    await recordAudit(t.db, {
      action: "participation.condition_answered",
      tableId: s.tableId,
      data: { by: s.saffier.membershipId, party: s.rll, item: "INF-1", answer: "met" },
    });
    const log = await activityOf(t.db, s.observer, s.tableId);
    expect(JSON.stringify(log)).not.toContain(s.saffier.pseudonym);
    const participation = log.filter((e) => e.action.startsWith("participation."));
    expect(participation.map((e) => [e.action, e.actor ?? e.spokenAs])).toEqual([
      ["participation.condition_answered", { kind: "party", name: "Stichting Rode Lantaarn" }],
      ["participation.perception_corrected", { kind: "party", name: "Stichting Rode Lantaarn" }],
      ["participation.condition_answered", { kind: "process", role: "chair" }],
      ["participation.condition_answered", { kind: "party", name: "Stichting Rode Lantaarn" }],
      ["participation.perception_corrected", s.orhidee.pseudonym],
      ["participation.perception_recorded", s.orhidee.pseudonym],
      ["participation.perception_recorded", { kind: "party", name: "Stichting Rode Lantaarn" }],
    ]);
  });
});

describe("anonymous within the party", () => {
  it("shows a contribution as someone of the party: neither the person nor the organisation's word", async () => {
    const s = await participationTable();
    await recordPerception(t.db, s.orhidee.accountId, s.tableId, { phaseId: s.phaseId, form: "informing", attribution: "anonymous" }, day1);
    await answerCondition(
      t.db,
      s.orhidee.accountId,
      s.tableId,
      { phaseId: s.phaseId, item: "INF-3", answer: "partly", attribution: "anonymous" },
      day1,
    );
    const matrix = await participationMatrix(t.db, s.chair, s.tableId, hours(1));
    const cell = matrix.cells.find((c) => c.partyId === s.rll && c.phaseId === s.phaseId);
    expect(cell?.timeline.at(-1)?.author).toEqual({ kind: "anonymous", partyId: s.rll });
    const log = await activityOf(t.db, s.observer, s.tableId);
    const mine = log.filter((e) => e.action.startsWith("participation."));
    expect(mine.map((e) => [e.actor, e.spokenAs])).toEqual([
      [null, { kind: "anonymous", name: "Stichting Rode Lantaarn" }],
      [null, { kind: "anonymous", name: "Stichting Rode Lantaarn" }],
    ]);
    expect(JSON.stringify({ matrix, log })).not.toContain(s.orhidee.pseudonym);
  });
});

describe("activities", () => {
  it("have their own form inside a phase, owned by one party with others as guests", async () => {
    const s = await participationTable();
    await createActivity(
      t.db,
      s.chair,
      s.tableId,
      {
        phaseId: s.phaseId,
        title: "Sekswerker-geleide consultatie",
        form: "sex_worker_led",
        ownerPartyId: s.rll,
        guestPartyIds: [s.gemeente],
      },
      day1,
    );
    await expect(
      createActivity(t.db, s.chair, s.tableId, { phaseId: s.phaseId, title: "x", form: "consultation", ownerPartyId: s.rll }, day1),
    ).rejects.toMatchObject({ code: "ACTIVITY_TITLE_INVALID" });
    await expect(
      createActivity(
        t.db,
        s.saffier.accountId,
        s.tableId,
        { phaseId: s.phaseId, title: "Eigen activiteit", form: "sex_worker_led", ownerPartyId: s.rll },
        day1,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const list = await activitiesOf(t.db, s.ilse.accountId, s.tableId);
    expect(list.map((a) => [a.title, a.form, a.guestPartyIds])).toEqual([
      ["Sekswerker-geleide consultatie", "sex_worker_led", [s.gemeente]],
    ]);
  });
});

describe("a closed table", () => {
  it("keeps its participation record as it is", async () => {
    const s = await participationTable();
    await t.db.table.update({ where: { id: s.tableId }, data: { status: "closed" } });
    await expect(
      recordPerception(t.db, s.saffier.accountId, s.tableId, { phaseId: s.phaseId, form: "informing" }, day1),
    ).rejects.toMatchObject({ code: "TABLE_CLOSED" });
    await expect(
      answerCondition(t.db, s.saffier.accountId, s.tableId, { phaseId: "", item: "INF-1", answer: "met" }, day1),
    ).rejects.toMatchObject({ code: "TABLE_CLOSED" });
    expect((await participationMatrix(t.db, s.chair, s.tableId)).may).toEqual({
      "participation.intended.set": false,
      "participation.perception.record": false,
      "participation.agenda.add": false,
      "participation.conditions.answer": false,
    });
  });
});
