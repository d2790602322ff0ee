// The one place that builds a Prisma client. Both database modes use the same path: PostgreSQL
// through @prisma/adapter-pg, whether DATABASE_URL points at a server or at embedded PGlite
// behind pglite-socket (started by scripts/start.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type Db = PrismaClient;

// The driver's pool under each client, for the one statement too hot for Prisma's query engine.
const pools = new WeakMap<Db, pg.Pool>();

/**
 * Transactions stay short (no hashing or network inside) because on the embedded database an open
 * transaction holds up everyone; 2 s is far beyond what a healthy one takes. Tests on a machine
 * saturated by other work pass a longer limit, so a slow CPU is not mistaken for a long transaction.
 */
export function createDb(connectionString: string, options: { max?: number; transactionTimeoutMs?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? poolSizeFromEnv() });
  // An idle connection that drops (the database restarted) is replaced on next use; without a
  // listener the pool's error event would end the process before Prisma has attached its own.
  pool.on("error", () => {});
  // The adapter's own copy of pg's type declarations differs from ours; the pool is the same pg.
  const adapter = new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0], { disposeExternalPool: true });
  const timeout = options.transactionTimeoutMs ?? 2000;
  const db = new PrismaClient({ adapter, transactionOptions: { timeout, maxWait: Math.max(5000, timeout) } });
  pools.set(db, pool);
  return db;
}

/**
 * The connections Prisma itself uses, for a statement that runs many times a second (storing live
 * edits): Prisma's query engine costs more CPU per statement than the statement itself. Going
 * through the same pool keeps the embedded database at one connection. Every client is built
 * here, so a missing pool (a transaction client passed in) is a mistake, not a case to handle.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: a client built by createDb is needed (not a transaction client)");
  return pool;
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
