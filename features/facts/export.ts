// Exports of the register: a CSV of every record (escaped as the participation CSV is) and a
// readable fact sheet (PDF) with the agreed wordings, figures, bases, sources and each party's
// position, in the table's language. Positions are the parties'; no person is ever named.
import type { EvidenceKind, FactQualifier, FactStance, FactStatus } from "../../generated/prisma/enums.ts";
import { toCsv } from "../participation/csv.ts";
import { createPdf } from "../shared/pdf.ts";
import { type BaseLabels, formatBase, formatFigure } from "./format.ts";
import type { RegisterRow } from "./queries.ts";

export type ExportLabels = {
  locale: string;
  sheetTitle: string;
  tableTitle: string;
  generatedOn: string;
  citeNote: string;
  status: (status: FactStatus) => string;
  stance: (stance: FactStance) => string;
  evidence: (kind: EvidenceKind) => string;
  qualifier: (qualifier: FactQualifier) => string;
  base: BaseLabels;
  columns: {
    code: string;
    title: string;
    topic: string;
    status: string;
    figure: string;
    low: string;
    high: string;
    qualifier: string;
    asInSource: string;
    unit: string;
    numerator: string;
    numeratorCount: string;
    denominator: string;
    denominatorCount: string;
    denominatorUnknown: string;
    sampleSize: string;
    unknownShare: string;
    countedObject: string;
    period: string;
    publication: string;
    geography: string;
    sector: string;
    evidence: string;
    source: string;
    originalSource: string;
    citationChain: string;
    caveats: string;
    wording: string;
    decision: string;
  };
  yes: string;
  decision: (supporting: number, counted: number, passed: boolean) => string;
  sections: { agreed: string; agreedToDisagree: string; underDiscussion: string; none: string };
  positions: string;
  noPosition: string;
  staleNote: string;
};

const number = (value: number | null) => (value === null ? "" : String(value));

function position(row: RegisterRow, partyId: string, labels: ExportLabels): string {
  const column = row.columns.find((c) => c.partyId === partyId);
  if (!column?.latest) return "";
  const text = `${labels.stance(column.latest.stance)}${column.latest.reasoning ? ` — ${column.latest.reasoning}` : ""}`;
  return column.current ? text : `${text} (${labels.staleNote})`;
}

export function registerCsv(rows: readonly RegisterRow[], parties: readonly { id: string; name: string }[], labels: ExportLabels): string {
  const c = labels.columns;
  const header = [
    c.code,
    c.title,
    c.topic,
    c.status,
    c.figure,
    c.low,
    c.high,
    c.qualifier,
    c.asInSource,
    c.unit,
    c.numerator,
    c.numeratorCount,
    c.denominator,
    c.denominatorCount,
    c.denominatorUnknown,
    c.sampleSize,
    c.unknownShare,
    c.countedObject,
    c.period,
    c.publication,
    c.geography,
    c.sector,
    c.evidence,
    c.source,
    c.originalSource,
    c.citationChain,
    c.caveats,
    c.wording,
    c.decision,
    ...parties.map((party) => party.name),
  ];
  const body = rows.map((row) => [
    row.code,
    row.title,
    row.topic,
    labels.status(row.status),
    formatFigure(row, labels.locale, labels.qualifier),
    number(row.valueLow),
    number(row.valueHigh),
    row.qualifier ? labels.qualifier(row.qualifier) : "",
    row.valueDisplay,
    row.unit,
    row.numeratorDescription,
    number(row.numeratorCount),
    row.denominatorDescription,
    number(row.denominatorCount),
    row.denominatorUnknown ? labels.yes : "",
    number(row.sampleSize),
    [row.unknownShare === null ? "" : `${row.unknownShare}%`, row.unknownShareDescription].filter(Boolean).join(" "),
    row.countedObject,
    row.referencePeriod,
    row.publication,
    row.geography,
    row.sectorScope,
    labels.evidence(row.evidenceKind),
    [row.sourceTitle, row.sourceLocator].filter(Boolean).join(", "),
    row.originalSource,
    row.citationChain.join(" | "),
    row.caveats.join(" | "),
    row.citationWording,
    labels.decision(row.result.supporting, row.result.counted, row.result.passed),
    ...parties.map((party) => position(row, party.id, labels)),
  ]);
  return toCsv([header, ...body]);
}

/** The fact sheet: what the table agreed to cite, what it agreed to disagree on, what is still open. */
export function factSheetPdf(
  rows: readonly RegisterRow[],
  parties: readonly { id: string; name: string }[],
  labels: ExportLabels,
): Promise<Buffer> {
  const pdf = createPdf({ title: `${labels.sheetTitle} — ${labels.tableTitle}`, lang: labels.locale });
  pdf.text(labels.sheetTitle, { bold: true, size: 18 });
  pdf.text(labels.tableTitle, { size: 12 });
  pdf.text(labels.generatedOn, { size: 9, gap: 0.5 });
  pdf.text(labels.citeNote, { size: 9, italic: true, gap: 1 });

  const settled = (status: FactStatus) => rows.filter((row) => row.status === status);
  const section = (title: string, items: readonly RegisterRow[]) => {
    pdf.text(title, { bold: true, size: 14, gap: 0.3 });
    if (items.length === 0) pdf.text(labels.sections.none, { gap: 1 });
    for (const row of items) record(row);
  };
  const record = (row: RegisterRow) => {
    pdf.text(`${row.code} — ${row.title}`, { bold: true, size: 11 });
    if (row.citationWording) pdf.text(`“${row.citationWording}”`, { size: 11, indent: 12 });
    const figure = formatFigure(row, labels.locale, labels.qualifier);
    const c = labels.columns;
    const lines = [
      figure || row.valueDisplay
        ? `${c.figure}: ${[figure, row.valueDisplay ? `(${row.valueDisplay})` : ""].filter(Boolean).join(" ")}${row.unit ? ` — ${row.unit}` : ""}`
        : "",
      ...formatBase(row, labels.locale, labels.base),
      row.countedObject ? `${c.countedObject}: ${row.countedObject}` : "",
      [row.referencePeriod && `${c.period}: ${row.referencePeriod}`, row.publication && `${c.publication}: ${row.publication}`]
        .filter(Boolean)
        .join(" · "),
      [row.geography && `${c.geography}: ${row.geography}`, row.sectorScope && `${c.sector}: ${row.sectorScope}`]
        .filter(Boolean)
        .join(" · "),
      `${c.evidence}: ${labels.evidence(row.evidenceKind)}`,
      `${c.source}: ${[row.sourceTitle, row.sourceLocator].filter(Boolean).join(", ")}${row.originalSource ? ` — ${row.originalSource}` : ""}`,
      row.citationChain.length ? `${c.citationChain}: ${row.citationChain.join("; ")}` : "",
      row.caveats.length ? `${c.caveats}: ${row.caveats.join("; ")}` : "",
      labels.decision(row.result.supporting, row.result.counted, row.result.passed),
    ].filter(Boolean);
    for (const line of lines) pdf.text(line, { size: 9, indent: 12 });
    const stated = parties.map((party) => [party.name, position(row, party.id, labels)] as const).filter(([, text]) => text);
    if (stated.length) {
      pdf.text(`${labels.positions}:`, { bold: true, size: 9, indent: 12 });
      for (const [name, text] of stated) pdf.text(`${name}: ${text}`, { size: 9, indent: 24 });
    }
    pdf.space(0.8);
  };

  section(labels.sections.agreed, settled("agreed"));
  section(labels.sections.agreedToDisagree, settled("agreed_to_disagree"));
  pdf.text(labels.sections.underDiscussion, { bold: true, size: 14, gap: 0.3 });
  const open = settled("under_discussion");
  if (open.length === 0) pdf.text(labels.sections.none);
  for (const row of open) pdf.text(`${row.code} — ${row.title}`, { size: 9 });
  return pdf.end();
}
