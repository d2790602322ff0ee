// The text layer of a PDF, page by page, as a reader or a screen reader gets it (PDF.js).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await document.destroy();
  return pages.join("\n");
}

/** The names of the fonts a PDF embeds (BaseFont entries), e.g. "ABCDEF+NotoSans-Regular". */
export function pdfFontNames(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString("latin1");
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1] ?? ""))];
}
