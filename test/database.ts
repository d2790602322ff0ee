// A private, migrated database for one test file, reached through the app's own adapter-pg path.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../prisma/db.ts";
import { withDatabase } from "./global-setup.ts";

/** Generous: CI machines run several test processes on few cores. */
const TEST_TRANSACTION_TIMEOUT_MS = 20_000;

export type TestDatabase = { url: string; db: Db; close: () => Promise<void> };

export async function testDatabase(): Promise<TestDatabase> {
  const template = inject("pgTemplate");
  if (template) {
    // biome-ignore lint/style/noNonNullAssertion: global setup only provides a template when DATABASE_URL is set
    const serverUrl = process.env.DATABASE_URL!;
    const name = `tafel_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = withDatabase(serverUrl, name);
    const db = createDb(url, { transactionTimeoutMs: TEST_TRANSACTION_TIMEOUT_MS });
    return {
      url,
      db,
      close: async () => {
        await db.$disconnect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject("pgliteDump"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 24 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
  // PGlite has one session for every connection: queries of one process must never interleave.
  const db = createDb(url, { max: 1, transactionTimeoutMs: TEST_TRANSACTION_TIMEOUT_MS });
  return {
    url,
    db,
    close: async () => {
      await db.$disconnect();
      await server.stop();
      await pglite.close();
    },
  };
}
