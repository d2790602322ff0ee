import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(import.meta.dirname, "../../app");

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return components(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

// Pictographs, dingbats, geometric shapes, arrows other than the plain ← and → that text uses, and
// mathematical symbols: where the reader's font lacks one it renders as an empty box. Icons are SVG
// (app/_components/icons.tsx), which ships with the app.
const SYMBOL = /[\p{Extended_Pictographic}\u2194-\u21FF\u2200-\u22FF\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF]/u;

describe("icons", () => {
  it("are drawn as SVG, never as a symbol from a font", () => {
    const found = components(app).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, at: `${path.relative(app, file)}:${index + 1}` }))
        .filter(({ line }) => SYMBOL.test(line))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
