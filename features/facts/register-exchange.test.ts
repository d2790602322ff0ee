// Links between facts, fact questions, the starter set and the exports, against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable, SOURCED_SHARE } from "../../test/fact-table.ts";
import { makeTable } from "../../test/factories.ts";
import { pdfText } from "../../test/pdf-text.ts";
import { changeFactStatus, linkFacts, parseFact, proposeFact, recordPosition, setCitationWording, unlinkFacts } from "./commands.ts";
import { type ExportLabels, factSheetPdf, registerCsv } from "./export.ts";
import type { FactInput } from "./model.ts";
import { factDetail, factRegister } from "./queries.ts";
import { answerQuestion, askQuestion, questionsOf, withdrawQuestion } from "./questions.ts";
import { importStarterSet, STARTER_SET, starterInput } from "./starter-set.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
});
afterAll(async () => {
  await t.close();
});

const propose = (input: Partial<FactInput> = {}) =>
  proposeFact(t.db, at.facilitator, at.tableId, { ...SOURCED_SHARE, code: "", ...input } as FactInput);

describe("links between facts", () => {
  it("links by reference, refuses itself, duplicates in either direction and unknown records, and removes softly", async () => {
    const a = await propose({ code: "AMS-03" });
    const b = await propose({ code: "AMS-04" });
    const link = await linkFacts(t.db, at.delegates.rll, at.tableId, a.id, { type: "same_data_different_denominator", target: "ams-04" });
    await expect(
      linkFacts(t.db, at.chair, at.tableId, b.id, { type: "same_data_different_denominator", target: a.id }),
    ).rejects.toMatchObject({
      code: "FACT_LINK_EXISTS",
    });
    await expect(linkFacts(t.db, at.chair, at.tableId, a.id, { type: "contradicts", target: "AMS-03" })).rejects.toMatchObject({
      code: "FACT_LINK_SELF",
      details: { field: "target" },
    });
    await expect(linkFacts(t.db, at.chair, at.tableId, a.id, { type: "contradicts", target: "XYZ-99" })).rejects.toMatchObject({
      code: "FACT_LINK_TARGET_UNKNOWN",
    });
    await expect(linkFacts(t.db, at.chair, at.tableId, a.id, { type: "rhymes_with", target: "AMS-04" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(linkFacts(t.db, at.observer, at.tableId, a.id, { type: "contradicts", target: "AMS-04" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // A directed link may exist beside a symmetric one.
    await linkFacts(t.db, at.chair, at.tableId, b.id, { type: "supersedes", target: "AMS-03", note: "Nieuwere telling" });

    const fromB = await factDetail(t.db, at.observer, at.tableId, b.id);
    expect(fromB.links.map((l) => [l.type, l.outgoing, l.other.code, l.by.party])).toEqual([
      ["same_data_different_denominator", false, "AMS-03", "Stichting Rode Lantaarn"],
      ["supersedes", true, "AMS-03", null],
    ]);
    // Only the process roles and the link's author may remove it.
    await expect(unlinkFacts(t.db, at.delegates.ggd, at.tableId, link.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await unlinkFacts(t.db, at.delegates.rll, at.tableId, link.id);
    const after = await factDetail(t.db, at.observer, at.tableId, a.id);
    expect(after.links.find((l) => l.id === link.id)).toMatchObject({ removed: true, mayRemove: false });
    // Once removed, the same link can be made again.
    await linkFacts(t.db, at.chair, at.tableId, a.id, { type: "same_data_different_denominator", target: "AMS-04" });
  });

  it("never links to a record of another table", async () => {
    const other = await makeTable(t.db);
    const foreign = await proposeFact(t.db, other.facilitator.accountId, other.tableId, { ...SOURCED_SHARE, code: "FOREIGN-1" });
    const own = await propose();
    await expect(linkFacts(t.db, at.chair, at.tableId, own.id, { type: "contradicts", target: foreign.id })).rejects.toMatchObject({
      code: "FACT_LINK_TARGET_UNKNOWN",
    });
    await expect(linkFacts(t.db, at.chair, at.tableId, foreign.id, { type: "contradicts", target: own.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("fact questions", () => {
  it("are asked with who finds out and by when, answered by that party, and linked to the facts they produced", async () => {
    const question = await askQuestion(t.db, at.delegates.bewoners, at.tableId, {
      question: "Hoeveel thuiswerkers zijn er in Lindendam?",
      assigneePartyId: at.parties.ggd,
      assigneeNote: "Uit de anonieme spreekuren",
      dueOn: "2026-09-01",
      sourceRef: "problem:00000000-0000-4000-8000-000000000000#v2",
    });
    const fact = await propose({ code: "LD-01", title: "Thuiswerkers bij de GGD in beeld" });
    await expect(answerQuestion(t.db, at.delegates.rll, at.tableId, question.id, { text: "Ongeveer veertig." })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      answerQuestion(t.db, at.delegates.ggd, at.tableId, question.id, {
        text: "Veertig.",
        factIds: ["00000000-0000-4000-8000-000000000000"],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { field: "factIds" } });
    await answerQuestion(t.db, at.delegates.ggd, at.tableId, question.id, { text: "Zie LD-01.", factIds: [fact.id] });
    const [listed] = await questionsOf(t.db, at.observer, at.tableId);
    expect(listed).toMatchObject({
      question: "Hoeveel thuiswerkers zijn er in Lindendam?",
      assignee: { name: "GGD Regio" },
      askedBy: "Bewonersvereniging Oude Haven",
      sourceRef: "problem:00000000-0000-4000-8000-000000000000#v2",
      status: "answered",
      answers: [{ text: "Zie LD-01.", by: "GGD Regio", facts: [{ code: "LD-01" }] }],
      mayAnswer: false,
    });
    expect(listed?.dueOn?.toISOString().slice(0, 10)).toBe("2026-09-01");
    expect((await factDetail(t.db, at.chair, at.tableId, fact.id)).answeredBy).toEqual([
      expect.objectContaining({ questionId: question.id }),
    ]);
  });

  it("refuse bad input, and can be withdrawn by who asked them while open", async () => {
    for (const [input, code] of [
      [{ question: "Wat?" }, "FACT_QUESTION_INVALID"],
      [{ question: "Hoeveel meldingen?", dueOn: "2026-02-31x" }, "INVALID_DATE"],
      [{ question: "Hoeveel meldingen?", assigneePartyId: "11111111-1111-4111-8111-111111111111" }, "INVALID_INPUT"],
      [{ question: "Hoeveel meldingen?", sourceRef: "zomaar iets" }, "INVALID_INPUT"],
    ] as const) {
      await expect(askQuestion(t.db, at.chair, at.tableId, input), code).rejects.toMatchObject({ code });
    }
    await expect(askQuestion(t.db, at.observer, at.tableId, { question: "Hoeveel meldingen?" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const question = await askQuestion(t.db, at.delegates.rll, at.tableId, { question: "Hoeveel meldingen kwamen van thuiswerkers?" });
    await expect(withdrawQuestion(t.db, at.delegates.ggd, at.tableId, question.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await withdrawQuestion(t.db, at.delegates.rll, at.tableId, question.id);
    await expect(answerQuestion(t.db, at.chair, at.tableId, question.id, { text: "Geen idee." })).rejects.toMatchObject({
      code: "FACT_QUESTION_CLOSED",
    });
    const listed = (await questionsOf(t.db, at.chair, at.tableId)).find((q) => q.id === question.id);
    expect(listed).toMatchObject({ status: "withdrawn", askedBy: "Stichting Rode Lantaarn" });
  });
});

describe("the starter set", () => {
  it("holds only records that pass the register's own validation", () => {
    expect(STARTER_SET).toHaveLength(78);
    for (const record of STARTER_SET) expect(() => parseFact(starterInput(record, "nl")), record.id).not.toThrow();
  });

  it("names its topics in the table's language, in Dutch when Tafel does not speak it", () => {
    const record = STARTER_SET.find((r) => r.id === "COE-02");
    if (!record) throw new Error("COE-02 is in the starter set");
    expect(["nl", "en", "es", "ro"].map((language) => starterInput(record, language).topic)).toEqual([
      "Aandeel gedwongen",
      "Share coerced",
      "Proporción forzada",
      "Aandeel gedwongen",
    ]);
  });

  it("is imported by the facilitator once, with sources and links, all proposed", async () => {
    const fresh = await makeTable(t.db, ["chair"]);
    const chair = fresh.members[0]?.accountId ?? "";
    await expect(importStarterSet(t.db, chair, fresh.tableId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const first = await importStarterSet(t.db, fresh.facilitator.accountId, fresh.tableId);
    expect(first).toMatchObject({ imported: 78, skipped: 0 });
    // Relations given from both sides become one link each.
    expect(first.links).toBeGreaterThan(30);
    expect(first.links).toBeLessThan(62);
    const again = await importStarterSet(t.db, fresh.facilitator.accountId, fresh.tableId);
    expect(again).toEqual({ imported: 0, skipped: 78, links: 0 });

    const register = await factRegister(t.db, chair, fresh.tableId);
    expect(register.rows).toHaveLength(78);
    expect(register.rows.every((row) => row.status === "proposed" && row.sourceTitle !== "")).toBe(true);
    expect(register.topics).toContain("Aandeel gedwongen");
    const coe02 = register.rows.find((row) => row.code === "COE-02");
    expect(coe02).toMatchObject({ valueLow: 80, valueHigh: 90, percentage: true, evidenceKind: "claim", language: "en" });
    const detail = await factDetail(t.db, chair, fresh.tableId, coe02?.id ?? "");
    expect(detail.links.map((l) => [l.type, l.other.code]).sort()).toEqual([
      ["contradicts", "COE-04"],
      ["contradicts", "COE-05"],
      ["contradicts", "COE-06"],
      ["derived_from", "COE-03"],
    ]);
    const byCode = (code: string) => register.rows.find((row) => row.code === code)?.id ?? "";
    const conflated = await factDetail(t.db, chair, fresh.tableId, byCode("COE-04"));
    expect(conflated.links.find((l) => l.other.code === "COE-09")?.type).toBe("same_source_read_differently");
    const kmar = await factDetail(t.db, chair, fresh.tableId, byCode("CMS-03"));
    expect(kmar.links.find((l) => l.other.code === "CMS-05")?.type).toBe("definition_changed");
  });
});

const labels: ExportLabels = {
  locale: "nl",
  sheetTitle: "Feitenblad",
  tableTitle: "Tafel Lindendam",
  generatedOn: "Gemaakt op 1 juni 2026",
  citeNote: "Vastgesteld betekent: afgesproken hoe te citeren, niet bewezen.",
  status: (status) => `status:${status}`,
  stance: (stance) => `standpunt:${stance}`,
  evidence: (kind) => `bewijs:${kind}`,
  qualifier: (qualifier) => (qualifier === "estimate" ? "geschat" : qualifier),
  base: {
    denominator: "Noemer",
    denominatorUnknown: "Noemer onbekend",
    denominatorMissing: "Noemer niet vastgelegd",
    numerator: "Teller",
    sampleSize: "N",
    unknownShare: "Onbekend",
  },
  columns: {
    code: "Kenmerk",
    title: "Titel",
    topic: "Onderwerp",
    status: "Status",
    figure: "Cijfer",
    low: "Van",
    high: "Tot",
    qualifier: "Aanduiding",
    asInSource: "Zoals in de bron",
    unit: "Eenheid",
    numerator: "Teller",
    numeratorCount: "Teller (aantal)",
    denominator: "Noemer",
    denominatorCount: "Noemer (aantal)",
    denominatorUnknown: "Noemer onbekend",
    sampleSize: "N",
    unknownShare: "Onbekend aandeel",
    countedObject: "Wat is geteld",
    period: "Periode",
    publication: "Publicatie",
    geography: "Gebied",
    sector: "Sector",
    evidence: "Soort bewijs",
    source: "Bron",
    originalSource: "Oorspronkelijke bron",
    citationChain: "Bronketen",
    caveats: "Kanttekeningen",
    wording: "Citeerwijze",
    decision: "Beslisregel",
  },
  yes: "ja",
  decision: (supporting, counted, passed) => `${supporting} van ${counted}${passed ? " — gehaald" : ""}`,
  sections: { agreed: "Vastgesteld", agreedToDisagree: "Afgesproken het oneens te zijn", underDiscussion: "In bespreking", none: "Geen." },
  positions: "Standpunten",
  noPosition: "Geen standpunt",
  staleNote: "op een eerdere versie",
};

describe("exports", () => {
  it("escape CSV cells like the participation report and name parties, never people", async () => {
    const fresh = await makeFactTable(t.db);
    const { id } = await proposeFact(t.db, fresh.facilitator, fresh.tableId, {
      ...SOURCED_SHARE,
      code: "CSV-1",
      title: '=HYPERLINK("x") "aanhalingen"',
      caveats: ["-1 is geen getal", "tweede, met komma"],
    });
    await recordPosition(t.db, fresh.delegates.rll, fresh.tableId, id, { stance: "disputes", reasoning: "+ niet onderbouwd" });
    const register = await factRegister(t.db, fresh.chair, fresh.tableId);
    const csv = registerCsv(register.rows, register.countedParties, labels);
    const [header, row] = csv.split("\r\n");
    expect(header).toContain('"Stichting Rode Lantaarn"');
    expect(row).toContain(`"'=HYPERLINK(""x"") ""aanhalingen"""`);
    expect(row).toContain('"\'-1 is geen getal | tweede, met komma"');
    expect(row).toContain('"standpunt:disputes — + niet onderbouwd"');
    expect(row).toContain('"geschat 50–85%"');
    expect(csv).not.toContain("Saffier");
  });

  it("print agreed wordings with their figures, bases, sources and positions in the fact sheet", async () => {
    const fresh = await makeFactTable(t.db);
    const { id } = await proposeFact(t.db, fresh.facilitator, fresh.tableId, { ...SOURCED_SHARE, code: "PDF-1" });
    await changeFactStatus(t.db, fresh.chair, fresh.tableId, id, { to: "under_discussion" });
    const wording = "Tussen 50% en 85% volgens zes zedenrechercheurs (KLPD 2008) → een schatting, geen meting.";
    await setCitationWording(t.db, fresh.secretary, fresh.tableId, id, wording);
    await recordPosition(t.db, fresh.delegates.rll, fresh.tableId, id, { stance: "disputes", reasoning: "Gissingen." });
    await recordPosition(t.db, fresh.delegates.bewoners, fresh.tableId, id, { stance: "accepts" });
    await recordPosition(t.db, fresh.delegates.ggd, fresh.tableId, id, { stance: "accepts_with_caveat", reasoning: "Klein aantal." });
    await changeFactStatus(t.db, fresh.chair, fresh.tableId, id, { to: "agreed" });
    await proposeFact(t.db, fresh.facilitator, fresh.tableId, { ...SOURCED_SHARE, code: "PDF-2", title: "Nog niet besproken" });
    const register = await factRegister(t.db, fresh.chair, fresh.tableId);
    const pdf = await factSheetPdf(register.rows, register.countedParties, labels);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    // The arrow is beyond the embedded fonts and is spelled out.
    expect(text).toContain(wording.replace("→", "->"));
    expect(text).toContain("geschat 50–85%");
    expect(text).toContain("Noemer: Sekswerkers in Nederland (niet geteld)");
    expect(text).toContain("KLPD (2008)");
    expect(text).toContain("Stichting Rode Lantaarn: standpunt:disputes — Gissingen.");
    expect(text).toContain("2 van 3 — gehaald");
    expect(text).not.toContain("Nog niet besproken");
  });
});
