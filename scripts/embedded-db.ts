// Embedded PostgreSQL (PGlite) in its own process, served over the Postgres wire protocol on a
// loopback port so the web app and realtime use the same adapter-pg path as with a real server.
// Prints one JSON line {"port": N} on stdout when ready.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const dataDir = process.argv[2];
if (!dataDir) {
  console.error("usage: embedded-db.ts <data-dir> [port]");
  process.exit(2);
}
const port = Number(process.argv[3] ?? 0);

mkdirSync(dataDir, { recursive: true });
const db = await PGlite.create(dataDir);
// One Postgres session shared by every connection: room for web (5) + realtime (5) + tools.
const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 16 });
await server.start();
const conn = server.getServerConn();
process.stdout.write(`${JSON.stringify({ port: Number(conn.split(":").pop()) })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// The parent's death must not leave the database behind.
process.on("disconnect", stop);
