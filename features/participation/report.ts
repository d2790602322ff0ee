// The participation report for a council or funder: forms, gaps and explanations per party and
// phase, then the conditions for meaningful participation. Lines come from parties (or from the
// process owners' roles), never from people: no pseudonyms, whatever a contribution's attribution,
// since a report leaves the table. Explanations a party kept for the chair are left out. Each
// assessment says whether it is the current one or history, and corrected texts are listed as such.
import { formatDate, formatDay, isoDate, isoDay } from "../shared/dates.ts";
import { createPdf } from "../shared/pdf.ts";
import type { Answer, conditionsOverview } from "./conditions.ts";
import { toCsv } from "./csv.ts";
import type { Form } from "./model.ts";
import type { ConditionVoice, ProcessOwnerRole } from "./policy.ts";
import type { participationMatrix } from "./queries.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;

/** current: the latest assessment; history: an earlier one; corrected: a text its author replaced. */
export type EntryStatus = "current" | "history" | "corrected";

export type ReportLabels = {
  /** The reader's language, for dates in the PDF. */
  locale: string;
  title: string;
  perceptionsTitle: string;
  conditionsTitle: string;
  perceptionColumns: [
    party: string,
    phase: string,
    intended: string,
    perceived: string,
    assessedOn: string,
    status: string,
    gap: string,
    explanation: string,
  ];
  conditionColumns: [
    answeredBy: string,
    scope: string,
    condition: string,
    answer: string,
    answeredOn: string,
    status: string,
    evidence: string,
  ];
  status: (status: EntryStatus) => string;
  form: (form: Form) => string;
  phase: (phase: Matrix["phases"][number]) => string;
  gap: (severity: "serious" | "differs" | null) => string;
  notSet: string;
  condition: (item: string) => string;
  answer: (answer: Answer) => string;
  wholeTable: string;
  processOwner: (role: ProcessOwnerRole) => string;
};

export type ConditionScopes = { phaseId: string | null; items: Awaited<ReturnType<typeof conditionsOverview>>["items"] }[];

type PerceptionEntry = {
  party: string;
  phase: string;
  intended: string;
  perceived: string | null;
  assessedOn: Date | null;
  status: EntryStatus | null;
  gap: string;
  explanation: string;
};

function perceptionEntries(matrix: Matrix, labels: ReportLabels): PerceptionEntry[] {
  const entries: PerceptionEntry[] = [];
  for (const party of matrix.parties) {
    for (const phase of matrix.phases) {
      const cell = matrix.cells.find((c) => c.partyId === party.id && c.phaseId === phase.id);
      if (!cell || (!cell.intended && cell.timeline.length === 0)) continue;
      const gap = labels.gap(matrix.gaps.find((g) => g.partyId === party.id && g.phaseId === phase.id)?.severity ?? null);
      const base = { party: party.name, phase: labels.phase(phase), intended: cell.intended ? labels.form(cell.intended) : labels.notSet };
      if (cell.timeline.length === 0) {
        entries.push({ ...base, perceived: null, assessedOn: null, status: null, gap, explanation: "" });
        continue;
      }
      for (const perception of cell.timeline) {
        for (const revision of perception.revisions) {
          entries.push({
            ...base,
            perceived: labels.form(revision.form),
            assessedOn: revision.assessedOn,
            status: "corrected",
            gap: "",
            explanation: revision.confidential ? "" : revision.explanation,
          });
        }
        entries.push({
          ...base,
          perceived: labels.form(perception.form),
          assessedOn: perception.assessedOn,
          status: perception.current ? "current" : "history",
          gap: perception.current ? gap : "",
          explanation: perception.confidential ? "" : perception.explanation,
        });
      }
    }
  }
  return entries;
}

type ConditionEntry = { by: string; scope: string; condition: string; answer: string; at: Date; status: EntryStatus; evidence: string };

function conditionEntries(matrix: Matrix, scopes: ConditionScopes, labels: ReportLabels): ConditionEntry[] {
  const voiceName = (voice: ConditionVoice) =>
    voice.kind === "party" ? (matrix.parties.find((p) => p.id === voice.partyId)?.name ?? "") : labels.processOwner(voice.role);
  const entries: ConditionEntry[] = [];
  for (const { phaseId, items } of scopes) {
    const phase = phaseId ? matrix.phases.find((p) => p.id === phaseId) : undefined;
    const scope = phase ? labels.phase(phase) : labels.wholeTable;
    for (const row of items) {
      for (const answers of row.answers) {
        const base = { by: voiceName(answers.voice), scope, condition: labels.condition(row.item) };
        entries.push({ ...base, answer: labels.answer(answers.answer), at: answers.at, status: "current", evidence: answers.evidence });
        for (const earlier of answers.earlier) {
          entries.push({ ...base, answer: labels.answer(earlier.answer), at: earlier.at, status: "history", evidence: earlier.evidence });
        }
      }
    }
  }
  return entries;
}

/** Two sections, each with its own header: the forms per party and phase, then the conditions. */
export function reportCsv(matrix: Matrix, labels: ReportLabels, tableTitle: string, conditions: ConditionScopes = []): string {
  const perceptions = perceptionEntries(matrix, labels).map((e) => [
    e.party,
    e.phase,
    e.intended,
    e.perceived ?? labels.notSet,
    e.assessedOn ? isoDay(e.assessedOn) : "",
    e.status ? labels.status(e.status) : "",
    e.gap,
    e.explanation,
  ]);
  const answers = conditionEntries(matrix, conditions, labels).map((e) => [
    e.by,
    e.scope,
    e.condition,
    e.answer,
    isoDate(e.at),
    labels.status(e.status),
    e.evidence,
  ]);
  // Dates stay yyyy-mm-dd: every spreadsheet reads that as a date, in any language.
  return toCsv([
    [`${labels.title} — ${tableTitle}`],
    [],
    [labels.perceptionsTitle],
    labels.perceptionColumns,
    ...perceptions,
    [],
    [labels.conditionsTitle],
    labels.conditionColumns,
    ...answers,
  ]);
}

export function reportPdf(matrix: Matrix, labels: ReportLabels, tableTitle: string, conditions: ConditionScopes = []): Promise<Buffer> {
  const pdf = createPdf({ title: `${labels.title} — ${tableTitle}`, lang: labels.locale });
  const day = (date: Date) => formatDay(date, labels.locale);
  const [, , intendedLabel, perceivedLabel, , , gapLabel, explanationLabel] = labels.perceptionColumns;
  pdf.heading(labels.title);
  pdf.text(tableTitle, { size: 11, gap: 1 });

  pdf.heading(labels.perceptionsTitle, 2);
  let heading = "";
  for (const e of perceptionEntries(matrix, labels)) {
    if (heading !== `${e.party}|${e.phase}`) {
      heading = `${e.party}|${e.phase}`;
      pdf.text(`${e.party} — ${e.phase}`, { bold: true, gap: 0.1 });
      pdf.text(`${intendedLabel}: ${e.intended}`);
    }
    const status = e.status ? `[${labels.status(e.status)}] ` : "";
    pdf.text(`${status}${perceivedLabel}: ${e.perceived ?? labels.notSet}${e.assessedOn ? ` (${day(e.assessedOn)})` : ""}`);
    if (e.gap) pdf.text(`${gapLabel}: ${e.gap}`);
    if (e.explanation) pdf.text(`${explanationLabel}: ${e.explanation}`);
    pdf.space(0.3);
  }

  const answers = conditionEntries(matrix, conditions, labels);
  if (answers.length > 0) {
    pdf.space(0.5);
    pdf.heading(labels.conditionsTitle, 2);
    let scope = "";
    for (const e of answers) {
      if (scope !== e.scope) {
        scope = e.scope;
        pdf.text(e.scope, { bold: true, gap: 0.1 });
      }
      pdf.text(
        `[${labels.status(e.status)}] ${e.condition} — ${e.by}: ${e.answer} (${formatDate(e.at, labels.locale)})${e.evidence ? ` — ${e.evidence}` : ""}`,
        {
          gap: 0.2,
        },
      );
    }
  }
  return pdf.end();
}
