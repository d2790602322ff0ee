// Mandates recorded when a version had one decision power for all its domains: the migration that
// gave each domain its own power fills it from the old one, keeps every version and adds none.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = path.join("prisma", "migrations");
const RULE = "mandate_domains_breach_replies_party_contacts";
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

describe("mandate versions from before per-domain powers", () => {
  it("give every listed domain the version's old power, keep each version and its number, and add no version", async () => {
    const ids = {
      table: "00000000-0000-4000-8000-000000000001",
      v1: "00000000-0000-4000-8000-000000000011",
      v2: "00000000-0000-4000-8000-000000000012",
      recorder: "00000000-0000-4000-8000-000000000021",
      party: "00000000-0000-4000-8000-000000000031",
      commitment: "00000000-0000-4000-8000-000000000041",
      chair: "00000000-0000-4000-8000-000000000051",
    };
    await db.exec(`
      INSERT INTO "Table" (id, title) VALUES ('${ids.table}', 'Tafel');
      INSERT INTO "MandateVersion" (id, "tableId", version, "issuingBody", "decisionReference", "decisionDate", scope, domains,
        "decisionPower", "termStart", "termEnd", "recordedBy") VALUES
        ('${ids.v1}', '${ids.table}', 1, 'college', 'LD-1', '2025-03-03', 'APV', ARRAY['public_order', 'care'],
          'binding_recommendation', '2025-03-03', '2026-03-03', '${ids.recorder}'),
        ('${ids.v2}', '${ids.table}', 2, 'college', 'LD-1', '2025-03-03', 'APV', ARRAY['care', 'care', 'health'],
          'advisory', '2025-03-03', '2027-03-03', '${ids.recorder}');
      INSERT INTO "Party" (id, "tableId", type, name) VALUES ('${ids.party}', '${ids.table}', 'police', 'Politie');
      INSERT INTO "Commitment" (id, "tableId", "partyId", kind, text, status, "breachNote") VALUES
        ('${ids.commitment}', '${ids.table}', '${ids.party}', 'decisions_here', '', 'breached', 'Naar de driehoek gegaan');
      INSERT INTO "AuditEvent" ("tableId", action, data, "createdAt") VALUES
        ('${ids.table}', 'commitment.breached', '{"by": "${ids.chair}", "commitment": "${ids.commitment}"}', '2025-05-01T09:00:00Z');
    `);
    await db.exec(readFileSync(path.join(dir, migrations[rule] ?? "", "migration.sql"), "utf8"));
    const versions = await db.query<{ id: string; version: number }>(`SELECT id, version FROM "MandateVersion" ORDER BY version`);
    expect(versions.rows).toEqual([
      { id: ids.v1, version: 1 },
      { id: ids.v2, version: 2 },
    ]);
    const domains = await db.query<{ versionId: string; domain: string; decisionPower: string }>(
      `SELECT "versionId", domain, "decisionPower" FROM "MandateDomain" ORDER BY "versionId", domain`,
    );
    expect(domains.rows).toEqual([
      { versionId: ids.v1, domain: "care", decisionPower: "binding_recommendation" },
      { versionId: ids.v1, domain: "public_order", decisionPower: "binding_recommendation" },
      { versionId: ids.v2, domain: "care", decisionPower: "advisory" },
      { versionId: ids.v2, domain: "health", decisionPower: "advisory" },
    ]);
    // A breach marked before keeps who marked it and when, taken from its audit event.
    const breach = await db.query<{ breachedBy: string; breachedAt: Date }>(
      `SELECT "breachedBy", "breachedAt" FROM "Commitment" WHERE id = '${ids.commitment}'`,
    );
    expect(breach.rows).toEqual([{ breachedBy: ids.chair, breachedAt: new Date("2025-05-01T09:00:00Z") }]);
  });
});
