// The runner against a truly empty database (not the per-run template): fresh in-memory PGlite by
// default, a fresh database on the server when DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "../test/global-setup.ts";
import { listMigrations, migrate } from "./migrate.ts";

let url: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `tafel_migrations_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // template0: guaranteed empty, whatever has been added to template1 on this server.
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    url = withDatabase(serverUrl, name);
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    return;
  }
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  url = `postgresql://postgres@${server.getServerConn()}/postgres`;
  cleanup = async () => {
    await server.stop();
    await db.close();
  };
});
afterAll(async () => {
  await cleanup?.();
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("apply in order on an empty database and are recorded like prisma migrate deploy records them", async () => {
    const migrations = listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const log: string[] = [];
    const result = await migrate(url, (line) => log.push(line));
    expect(result.applied).toEqual(migrations.map((migration) => migration.name));
    expect(log).toEqual(migrations.map((migration) => `applied migration ${migration.name}`));

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished: boolean;
      applied_steps_count: number;
      logs: string | null;
    }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count, logs
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      migrations.map((migration) => ({
        migration_name: migration.name,
        checksum: migration.checksum,
        finished: true,
        applied_steps_count: 1,
        logs: null,
      })),
    );
    const tables = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining([
        "Account",
        "AuditEvent",
        "Invitation",
        "Membership",
        "Session",
        "SignInFailure",
        "Table",
        "_prisma_migrations",
      ]),
    );
  });

  it("apply nothing on a second run and leave the records as they were", async () => {
    const before = await query(`SELECT id, checksum, finished_at FROM "_prisma_migrations" ORDER BY id`);
    const log: string[] = [];
    expect(await migrate(url, (line) => log.push(line))).toEqual({ applied: [] });
    expect(log).toEqual([]);
    expect(await query(`SELECT id, checksum, finished_at FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("name migrations so that their folder order is their time order", () => {
    for (const { name } of listMigrations()) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});
