// The one place that builds a Prisma client. Both database modes use the same path: PostgreSQL
// through @prisma/adapter-pg, whether DATABASE_URL points at a server or at embedded PGlite
// behind pglite-socket (started by scripts/start.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type Db = PrismaClient;

/**
 * Transactions stay short (no hashing or network inside) because on the embedded database an open
 * transaction holds up everyone; 2 s is far beyond what a healthy one takes. Tests on a machine
 * saturated by other work pass a longer limit, so a slow CPU is not mistaken for a long transaction.
 */
export function createDb(connectionString: string, options: { max?: number; transactionTimeoutMs?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? poolSizeFromEnv() });
  const timeout = options.transactionTimeoutMs ?? 2000;
  return new PrismaClient({ adapter, transactionOptions: { timeout, maxWait: Math.max(5000, timeout) } });
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
