// The realtime process: reads its configuration, serves until SIGTERM/SIGINT, then stores
// everything pending (within a bounded time) before it exits.
import { allowedOrigins, parseServerEnv, sessionLimitsFrom } from "../features/config/env.ts";
import { usesSecureCookie } from "../features/identity/token.ts";
import { createDb } from "../prisma/db.ts";
import { redisFanout } from "./fanout.ts";
import { createRealtimeServer } from "./server.ts";

const SHUTDOWN_MS = 10_000;

const env = parseServerEnv();
const host = process.env.REALTIME_HOST ?? "127.0.0.1";
const db = createDb(env.DATABASE_URL);
const log = (line: string) => console.log(`[realtime] ${line}`);

// What a client sends must never take the process down; log anything that slips through.
process.on("uncaughtException", (error) => console.error("[realtime] uncaught", error));
process.on("unhandledRejection", (error) => console.error("[realtime] unhandled", error));

const realtime = await createRealtimeServer({
  db,
  secret: env.NEXTAUTH_SECRET,
  secureCookie: usesSecureCookie(env.NEXTAUTH_URL),
  allowedOrigins: allowedOrigins(env),
  sessionLimits: sessionLimitsFrom(env),
  port: env.REALTIME_PORT,
  host,
  fanout: env.REDIS_URL ? redisFanout(env.REDIS_URL, log) : undefined,
  log,
});
console.log(`realtime listening on http://${host}:${realtime.port}${env.REDIS_URL ? " (sharing documents over Redis)" : ""}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // A hard deadline on top of the server's own, so a stuck database cannot keep the process alive.
  setTimeout(() => process.exit(1), SHUTDOWN_MS + 5000).unref();
  await realtime.close(SHUTDOWN_MS);
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
