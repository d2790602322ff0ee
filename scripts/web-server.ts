// The web app: Next.js served from this process, behind one step that decides who is asking.
//
// Why not `next start`: Next gives route handlers no socket address, and passes on whatever
// X-Forwarded-For a client sends, so a per-address limit on signing in could be dodged by sending
// a new header each time. A custom server is the smallest place that sees the socket: it takes the
// address from there (or from X-Forwarded-For when the socket is a proxy in TAFEL_TRUSTED_PROXIES)
// and stamps it into a header it overwrites on every request (features/identity/client-address.ts).
// The stamp's key is made here, at start, and lives only in this process's environment.
//
// Usage: web-server.ts <host> <port>   (the start script runs it with the validated environment)
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { purgeSettledVaults } from "../features/compensation/retention.ts";
import { parseServerEnv } from "../features/config/env.ts";
import { CLIENT_ADDRESS_KEY_ENV, newClientAddressKey, stampClientAddress, trustedProxies } from "../features/identity/client-address.ts";
import { getDb } from "../prisma/db.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const host = process.argv[2] ?? "127.0.0.1";
const port = Number(process.argv[3] ?? 3000);

const env = parseServerEnv();
const trust = trustedProxies(env.TAFEL_TRUSTED_PROXIES);
const key = newClientAddressKey();
process.env[CLIENT_ADDRESS_KEY_ENV] = key;

const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  stampClientAddress(request, trust, key);
  handle(request, response).catch((error: unknown) => {
    console.error("request failed", error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.listen(port, host, () => console.log(`listening on http://${host}:${port}`));

// Payout details nobody needs any more are deleted at start and then daily.
async function purgeVaults() {
  try {
    const purged = await purgeSettledVaults(getDb(), new Date(), env.TAFEL_VAULT_RETENTION_DAYS);
    if (purged > 0) console.log(`deleted the payout details of ${purged} settled membership(s)`);
  } catch (error) {
    console.error("purging settled payout details failed", error);
  }
}
void purgeVaults();
setInterval(() => void purgeVaults(), 24 * 3_600_000).unref();

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
  // Idle keep-alive connections would hold close() open.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
