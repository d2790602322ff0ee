// The realtime process: reads its configuration, serves until SIGTERM/SIGINT, then stores
// everything pending before it exits.
import { allowedOrigins, parseServerEnv, sessionLimitsFrom } from "../features/config/env.ts";
import { usesSecureCookie } from "../features/identity/token.ts";
import { createDb } from "../prisma/db.ts";
import { createRealtimeServer } from "./server.ts";

const env = parseServerEnv();
const host = process.env.REALTIME_HOST ?? "127.0.0.1";
const db = createDb(env.DATABASE_URL);

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
});
console.log(`realtime listening on http://${host}:${realtime.port}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await realtime.close();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
