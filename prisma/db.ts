// The one place that builds a Prisma client. Both database modes use the same path: PostgreSQL
// through @prisma/adapter-pg, whether DATABASE_URL points at a server or at embedded PGlite
// behind pglite-socket (started by scripts/start.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type Db = PrismaClient;

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 5 });
  return new PrismaClient({ adapter, transactionOptions: { timeout: 2000, maxWait: 5000 } });
}

const globalForDb = globalThis as unknown as { tafelDb?: Db };

/** The process-wide client, built on first use from DATABASE_URL. */
export function getDb(): Db {
  if (!globalForDb.tafelDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForDb.tafelDb = createDb(url);
  }
  return globalForDb.tafelDb;
}
