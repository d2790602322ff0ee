// The text of a PDF as a reader's PDF viewer extracts it (pdf.js), with whitespace collapsed, so
// tests check what a generated document says rather than only that it is a PDF.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? " " : ""}` : "")).join(""));
  }
  await document.destroy();
  return pages.join(" ").replace(/\s+/g, " ");
}

/** The names of the fonts a PDF embeds (BaseFont entries), e.g. "ABCDEF+NotoSans-Regular". */
export function pdfFontNames(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString("latin1");
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1] ?? ""))];
}
