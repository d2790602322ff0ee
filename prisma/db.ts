// The one place that builds a Prisma client. Both database modes use the same path: PostgreSQL
// through @prisma/adapter-pg, whether DATABASE_URL points at a server or at embedded PGlite
// behind pglite-socket (started by scripts/start.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type Db = PrismaClient;

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? poolSizeFromEnv() });
  return new PrismaClient({ adapter, transactionOptions: { timeout: 2000, maxWait: 5000 } });
}

/**
 * Embedded PGlite runs one query at a time for everyone; start.ts sets DATABASE_POOL_MAX=1 for it,
 * so a process never has several queries interleaved on the shared session.
 */
function poolSizeFromEnv(): number {
  const value = Number(process.env.DATABASE_POOL_MAX);
  return Number.isInteger(value) && value > 0 ? value : 5;
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
