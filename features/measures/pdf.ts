// A measure for a council, as a PDF: its text as frozen (never the live document), the impact
// check's summary, the monitoring record and the timeline, in the table's language. Parties are
// named with what they recorded; no person is.
import { createPdf } from "../shared/pdf.ts";

export type MeasurePdfSection = { heading: string; lines: { text: string; bold?: boolean; indent?: boolean }[] };

export type MeasurePdfContent = {
  locale: string;
  title: string;
  tableTitle: string;
  statusLine: string;
  sections: MeasurePdfSection[];
};

export function measurePdf(content: MeasurePdfContent): Promise<Buffer> {
  const pdf = createPdf({ title: `${content.title} — ${content.tableTitle}`, lang: content.locale });
  pdf.text(content.title, { bold: true, size: 18 });
  pdf.text(content.tableTitle, { size: 12 });
  pdf.text(content.statusLine, { size: 10, italic: true, gap: 1 });
  for (const section of content.sections) {
    pdf.heading(section.heading, 2);
    for (const line of section.lines) {
      if (line.text.trim() === "") pdf.space(0.4);
      else pdf.text(line.text, { size: 10, bold: line.bold, indent: line.indent ? 12 : undefined, gap: 0.15 });
    }
    pdf.space(0.8);
  }
  return pdf.end();
}
