// The approved minutes as a PDF: the approved version's text as the parties approved it (the
// frozen version, never the live document), with the approval per party and the version's
// fingerprint, so a printed copy can be checked against the record.
import { createPdf } from "../shared/pdf.ts";

export type MinutesPdfLabels = {
  locale: string;
  title: string;
  tableTitle: string;
  meetingLine: string;
  approvedLine: string;
  partiesHeading: string;
  partyLines: string[];
  fingerprint: string;
};

export function minutesPdf(versionText: string, labels: MinutesPdfLabels): Promise<Buffer> {
  const pdf = createPdf({ title: `${labels.title} — ${labels.meetingLine}`, lang: labels.locale });
  pdf.text(labels.title, { bold: true, size: 18 });
  pdf.text(labels.tableTitle, { size: 12 });
  pdf.text(labels.meetingLine, { size: 10, gap: 0.5 });
  pdf.text(labels.approvedLine, { size: 9, italic: true, gap: 1 });
  for (const line of versionText.split("\n")) {
    if (line.trim() === "") pdf.space(0.5);
    else pdf.text(line, { size: 10, gap: 0.2 });
  }
  pdf.space(1);
  pdf.heading(labels.partiesHeading, 2);
  for (const line of labels.partyLines) pdf.text(line, { size: 9, indent: 12 });
  pdf.space(1);
  pdf.text(labels.fingerprint, { size: 8 });
  return pdf.end();
}
