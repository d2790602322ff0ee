// PDF exports (participation reports now; fact sheets, minutes and ledger exports later) share one
// setup. pdfkit's standard fonts only know Latin-1, so a Bulgarian or Thai word would print as
// garbage: every document embeds Noto Sans (Latin with its extensions, Greek, Cyrillic) and switches
// to Noto Sans Thai for runs of Thai script. Fonts are subset on embedding, so files stay small, and
// the text layer keeps the real characters (searchable, readable by screen readers).
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  italic: "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  thai: "@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf",
  thaiBold: "@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;
// Read from the installed packages at run time, not bundled: the web app, the tests and the
// scripts all run from the project's root. (A bundler cannot follow a resolved font path.)
function loadFonts(): Record<FontName, Buffer> {
  if (!fonts) {
    const modules = path.join(process.cwd(), "node_modules");
    const read = (file: string) => readFileSync(/* turbopackIgnore: true */ path.join(modules, file));
    fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, read(file)])) as Record<FontName, Buffer>;
  }
  return fonts;
}

const THAI = /[\u0E00-\u0E7F]+/g;

// Symbols people type that Noto Sans has no glyph for; spelled out so no word turns into a box.
const SPELLED_OUT: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "✓": "v",
  "✔": "v",
};
const UNPRINTABLE = new RegExp(`[${Object.keys(SPELLED_OUT).join("")}]`, "g");

/** The text with symbols beyond the embedded fonts spelled out. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (symbol) => SPELLED_OUT[symbol] ?? symbol);
}

/** The text cut into runs of one script, each with the font that has its glyphs. */
export function scriptRuns(text: string): { text: string; script: "thai" | "other" }[] {
  const runs: { text: string; script: "thai" | "other" }[] = [];
  let at = 0;
  for (const match of text.matchAll(THAI)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), script: "other" });
    runs.push({ text: match[0], script: "thai" });
    at = match.index + match[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), script: "other" });
  return runs;
}

/** `indent` in points from the left margin; Thai has no italic and stays upright. */
export type TextStyle = { bold?: boolean; italic?: boolean; size?: number; gap?: number; indent?: number };

export type Pdf = {
  /** A paragraph in the document's fonts; `gap` adds space after it, in lines. */
  text(text: string, style?: TextStyle): void;
  heading(text: string, level?: 1 | 2): void;
  /** Blank space, in lines. */
  space(lines: number): void;
  /** The finished file. */
  end(): Promise<Buffer>;
};

/** A new A4 document with the shared fonts, a title and the language of its text. */
export function createPdf(options: { title: string; lang: string }): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    lang: options.lang,
    displayTitle: true,
    // No standard font is ever loaded: every glyph comes from the embedded Noto fonts.
    font: null as unknown as string,
    info: { Title: options.title },
  });
  for (const [name, data] of Object.entries(loadFonts())) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const text = (value: string, style: TextStyle = {}) => {
    const runs = scriptRuns(printable(value));
    doc.fontSize(style.size ?? 10);
    runs.forEach((run, index) => {
      const font: FontName =
        run.script === "thai" ? (style.bold ? "thaiBold" : "thai") : style.bold ? "bold" : style.italic ? "italic" : "regular";
      doc.font(font).text(run.text, { continued: index < runs.length - 1, indent: index === 0 ? style.indent : undefined });
    });
    if (style.gap) doc.moveDown(style.gap);
  };
  return {
    text,
    heading: (value, level = 1) => text(value, { bold: true, size: level === 1 ? 16 : 12, gap: 0.4 }),
    space: (lines) => {
      doc.moveDown(lines);
    },
    end: () => {
      doc.end();
      return done;
    },
  };
}
