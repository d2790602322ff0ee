import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, checkSchemaDrift, compareCatalogs, formatDifferences } from "./check-schema-drift.ts";

const run = promisify(execFile);
// Each check builds two databases and runs Prisma 6's engine (~15-20 s alone, more beside other test files).
const SLOW = 180_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tafel-drift-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** prisma/schema.prisma with a replacement applied, failing loudly if the text to replace is gone. */
async function editedSchema(edits: [string | RegExp, string][]): Promise<string> {
  let schema = await readFile("prisma/schema.prisma", "utf8");
  for (const [from, to] of edits) {
    const next = schema.replace(from, to);
    if (next === schema) throw new Error(`edit did not apply: ${from}`);
    schema = next;
  }
  const file = path.join(dir, `schema-${Math.random().toString(36).slice(2)}.prisma`);
  await writeFile(file, schema);
  return file;
}

describe.concurrent("schema drift check", () => {
  it(
    "passes on the committed schema and migrations (npx tsx scripts/check-schema-drift.ts exits 0)",
    async () => {
      const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/check-schema-drift.ts"], { timeout: SLOW });
      expect(stdout).toContain("in sync");
    },
    SLOW,
  );

  it(
    "reports a schema change that has no migration: column, enum value, foreign key action, index, default",
    async () => {
      const file = await editedSchema([
        [/(\n\s*locale\s+String\s+)@default\("nl"\)/, '$1@default("en")\n  nickname String?'],
        [/(\n\s*treasurer\n)\}/, "$1  guest\n}"],
        [/(model Session \{[^}]*?onDelete: )Cascade/, "$1Restrict"],
        [/(model SignInFailure \{[^}]*?)\n\s*@@index\(\[createdAt\]\)/, "$1"],
      ]);
      const differences = await checkSchemaDrift(file);
      expect(differences).toEqual([
        { object: 'column "Account"."locale"', migrations: "text NOT NULL DEFAULT 'nl'::text", schema: "text NOT NULL DEFAULT 'en'::text" },
        { object: 'column "Account"."nickname"', migrations: null, schema: "text NULL" },
        {
          object: 'constraint "Session"."Session_accountId_fkey"',
          migrations: 'FOREIGN KEY ("accountId") REFERENCES "Account"(id) ON UPDATE CASCADE ON DELETE CASCADE',
          schema: 'FOREIGN KEY ("accountId") REFERENCES "Account"(id) ON UPDATE CASCADE ON DELETE RESTRICT',
        },
        { object: "enum value \"Role\".'guest'", migrations: null, schema: "exists" },
        {
          object: 'index "SignInFailure_createdAt_idx"',
          migrations: 'CREATE INDEX "SignInFailure_createdAt_idx" ON public."SignInFailure" USING btree ("createdAt")',
          schema: null,
        },
      ]);
      const report = formatDifferences(differences, "schema.prisma");
      expect(report).toContain('+ column "Account"."nickname": text NULL');
      expect(report).toContain("+ enum value \"Role\".'guest'");
      expect(report).toContain('- index "SignInFailure_createdAt_idx"');
    },
    SLOW,
  );
});

describe("comparing catalogs", () => {
  const base: Catalog = new Map([
    ['table "Account"', "exists"],
    ['column "Account"."id"', "uuid NOT NULL"],
  ]);

  it("finds nothing when both sides describe the same objects, in whatever order", () => {
    const same: Catalog = new Map([...base].reverse());
    expect(compareCatalogs(base, same)).toEqual([]);
    expect(formatDifferences([])).toContain("in sync");
  });

  it("lists objects missing on either side and objects that differ", () => {
    const schema: Catalog = new Map([
      ['table "Account"', "exists"],
      ['column "Account"."id"', "text NOT NULL"],
      ['table "Party"', "exists"],
    ]);
    const migrations: Catalog = new Map([...base, ['index "Old_idx"', "CREATE INDEX ..."]]);
    const differences = compareCatalogs(migrations, schema);
    expect(differences).toEqual([
      { object: 'column "Account"."id"', migrations: "uuid NOT NULL", schema: "text NOT NULL" },
      { object: 'index "Old_idx"', migrations: "CREATE INDEX ...", schema: null },
      { object: 'table "Party"', migrations: null, schema: "exists" },
    ]);
    const text = formatDifferences(differences);
    expect(text).toContain('+ table "Party"');
    expect(text).toContain('- index "Old_idx": CREATE INDEX ...');
    expect(text).toMatch(/~ column "Account"\."id"\n\s+migrations: uuid NOT NULL\n\s+schema: +text NOT NULL/);
  });
});
