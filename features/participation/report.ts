// The participation report for a council or funder: forms, gaps and explanations per party and
// phase. Lines come from parties, never from people: no pseudonyms, and explanations a party
// kept for the chair are left out.
import PDFDocument from "pdfkit";
import { toCsv } from "./csv.ts";
import type { Form } from "./model.ts";
import type { participationMatrix } from "./queries.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;

export type ReportLabels = {
  title: string;
  columns: [party: string, phase: string, intended: string, perceived: string, assessedOn: string, gap: string, explanation: string];
  form: (form: Form) => string;
  phase: (phase: Matrix["phases"][number]) => string;
  gap: (severity: "serious" | "differs" | null) => string;
  notSet: string;
  condition: (item: string) => string;
  answer: (answer: "met" | "partly" | "not_met" | "not_applicable") => string;
  wholeTable: string;
};

export type ConditionRows = {
  phaseId: string | null;
  rows: {
    item: string;
    answers: { partyId: string; answer: "met" | "partly" | "not_met" | "not_applicable"; evidence: string; at: Date }[];
  }[];
}[];

/** Condition answers per party, after the forms: the evidence is the party's own words. */
export function conditionRows(matrix: Matrix, conditions: ConditionRows, labels: ReportLabels): string[][] {
  const rows: string[][] = [];
  for (const scope of conditions) {
    const phase = scope.phaseId ? matrix.phases.find((p) => p.id === scope.phaseId) : undefined;
    for (const row of scope.rows) {
      for (const answer of row.answers) {
        const party = matrix.parties.find((p) => p.id === answer.partyId);
        rows.push([
          party?.name ?? "",
          phase ? labels.phase(phase) : labels.wholeTable,
          labels.condition(row.item),
          labels.answer(answer.answer),
          answer.at.toISOString().slice(0, 10),
          "",
          answer.evidence,
        ]);
      }
    }
  }
  return rows;
}

export function reportRows(matrix: Matrix, labels: ReportLabels): string[][] {
  const rows: string[][] = [];
  for (const party of matrix.parties) {
    for (const phase of matrix.phases) {
      const cell = matrix.cells.find((c) => c.partyId === party.id && c.phaseId === phase.id);
      if (!cell || (!cell.intended && cell.timeline.length === 0)) continue;
      const gap = matrix.gaps.find((g) => g.partyId === party.id && g.phaseId === phase.id);
      const timeline = cell.timeline.length > 0 ? cell.timeline : [null];
      for (const perception of timeline) {
        rows.push([
          party.name,
          labels.phase(phase),
          cell.intended ? labels.form(cell.intended) : labels.notSet,
          perception ? labels.form(perception.form) : labels.notSet,
          perception ? perception.assessedOn.toISOString().slice(0, 10) : "",
          perception === cell.timeline.at(-1) || !perception ? labels.gap(gap?.severity ?? null) : "",
          perception && !perception.confidential ? perception.explanation : "",
        ]);
      }
    }
  }
  return rows;
}

export function reportCsv(matrix: Matrix, labels: ReportLabels, conditions: ConditionRows = []): string {
  return toCsv([labels.columns, ...reportRows(matrix, labels), ...conditionRows(matrix, conditions, labels)]);
}

export function reportPdf(matrix: Matrix, labels: ReportLabels, tableTitle: string, conditions: ConditionRows = []): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `${labels.title} — ${tableTitle}` } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica-Bold").fontSize(16).text(labels.title);
    doc.font("Helvetica").fontSize(11).text(tableTitle).moveDown();
    for (const row of reportRows(matrix, labels)) {
      const [party, phase, intended, perceived, assessedOn, gap, explanation] = row;
      doc.font("Helvetica-Bold").fontSize(10).text(`${party} — ${phase}`);
      doc.font("Helvetica").fontSize(10);
      doc.text(`${labels.columns[2]}: ${intended}`);
      doc.text(`${labels.columns[3]}: ${perceived}${assessedOn ? ` (${assessedOn})` : ""}`);
      if (gap) doc.text(`${labels.columns[5]}: ${gap}`);
      if (explanation) doc.text(`${labels.columns[6]}: ${explanation}`);
      doc.moveDown(0.5);
    }
    for (const [party, scope, condition, answer, date, , evidence] of conditionRows(matrix, conditions, labels)) {
      doc
        .font("Helvetica")
        .fontSize(10)
        .text(`${party} — ${scope}: ${condition}: ${answer} (${date})${evidence ? ` — ${evidence}` : ""}`);
    }
    doc.end();
  });
}
