// docs/privacy.md and docs/security.md back every claim with a named test (`file › test name`).
// This keeps them honest: each named test must exist in the file it names, so renaming or
// deleting a test that a claim rests on fails here until the document is updated.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DOCS = ["docs/privacy.md", "docs/security.md"];
// `path/to/file.test.ts › the test's name`, possibly wrapped over two lines in a paragraph.
const REFERENCE = /`((?:features|realtime|scripts|e2e|prisma)\/[\w./-]+\.(?:test|spec)\.ts)(?: › ([^`]+))?`/g;

function references(doc: string): { file: string; name: string | null }[] {
  const text = readFileSync(doc, "utf8").replace(/\n(?!\n)/g, " ");
  return [...text.matchAll(REFERENCE)].map((m) => ({ file: m[1] as string, name: m[2]?.replace(/\s+/g, " ").trim() ?? null }));
}

describe.each(DOCS)("%s", (doc) => {
  it("names tests for its claims", () => {
    expect(references(doc).length).toBeGreaterThan(10);
  });

  it("names only tests that exist", () => {
    const missing = references(doc).filter(({ file, name }) => {
      if (!existsSync(file)) return true;
      if (name === null) return false;
      const source = readFileSync(file, "utf8");
      return !source.includes(`("${name}"`) && !source.includes(`(\`${name}\``);
    });
    expect(missing).toEqual([]);
  });
});
