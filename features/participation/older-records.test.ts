// Records written before a party spoke only through its own delegates: the migration that brought
// that rule moves answers a chair or facilitator gave in a party's column into their own column.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = path.join("prisma", "migrations");
const RULE = "condition_attribution_and_perception_revisions";
const migrations = readdirSync(dir).sort();
const rule = migrations.findIndex((name) => name.endsWith(RULE));
if (rule < 1) throw new Error(`no migration ${RULE}`);

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
  for (const name of migrations.slice(0, rule)) await db.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
});
afterAll(async () => {
  await db.close();
});

describe("condition answers from before the party rule", () => {
  it("stay the party's when its delegate gave them, and become the process owner's own when the chair or facilitator did", async () => {
    const ids = {
      table: "00000000-0000-4000-8000-000000000001",
      party: "00000000-0000-4000-8000-000000000002",
      chair: "00000000-0000-4000-8000-000000000003",
      delegate: "00000000-0000-4000-8000-000000000004",
      facilitator: "00000000-0000-4000-8000-000000000005",
    };
    await db.exec(`
      INSERT INTO "Table" (id, title) VALUES ('${ids.table}', 'Tafel');
      INSERT INTO "Party" (id, "tableId", type, name) VALUES ('${ids.party}', '${ids.table}', 'sex_worker_organisation', 'RLL');
      INSERT INTO "Account" (id, "signInName", pseudonym, "passphraseHash") VALUES
        ('${ids.chair}', 'c', 'C', 'x'), ('${ids.delegate}', 'd', 'D', 'x'), ('${ids.facilitator}', 'f', 'F', 'x');
      INSERT INTO "Membership" (id, "tableId", "accountId", role, "partyId") VALUES
        ('${ids.chair}', '${ids.table}', '${ids.chair}', 'chair', NULL),
        ('${ids.delegate}', '${ids.table}', '${ids.delegate}', 'delegate', '${ids.party}'),
        ('${ids.facilitator}', '${ids.table}', '${ids.facilitator}', 'facilitator', NULL);
      INSERT INTO "ConditionAnswer" (id, "tableId", "partyId", item, answer, "assessedBy") VALUES
        (gen_random_uuid(), '${ids.table}', '${ids.party}', 'INF-1', 'met', '${ids.chair}'),
        (gen_random_uuid(), '${ids.table}', '${ids.party}', 'INF-2', 'partly', '${ids.delegate}'),
        (gen_random_uuid(), '${ids.table}', '${ids.party}', 'INF-3', 'not_met', '${ids.facilitator}');
    `);
    await db.exec(readFileSync(path.join(dir, migrations[rule] ?? "", "migration.sql"), "utf8"));
    const rows = await db.query<{ item: string; partyId: string | null; ownerRole: string | null; attribution: string }>(
      `SELECT item, "partyId", "ownerRole", attribution FROM "ConditionAnswer" ORDER BY item`,
    );
    expect(rows.rows).toEqual([
      { item: "INF-1", partyId: null, ownerRole: "chair", attribution: "organisation" },
      { item: "INF-2", partyId: ids.party, ownerRole: null, attribution: "organisation" },
      { item: "INF-3", partyId: null, ownerRole: "facilitator", attribution: "organisation" },
    ]);
  });
});
