// Starts Tafel: embedded database (unless DATABASE_URL is set), migrations, demo data on first
// start, the web app and the realtime server (restarted if it dies). Ctrl-C stops everything.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { newVaultKey, parseVaultKey } from "../features/compensation/vault-crypto.ts";
import { newDemoPassphrase, replacePublishedDemoPassphrase } from "../features/demo/passphrase.ts";
import { DEMO_PEOPLE, hasDemoData, seedDemo } from "../features/demo/seed.ts";
import { createDb } from "../prisma/db.ts";
import { migrate } from "../prisma/migrate.ts";
import { buildIsStale } from "./build-state.ts";
import { demoDecision, demoPassphraseFile, storeDemoPassphrase, storedDemoPassphrase } from "./demo-policy.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const realtimePort = Number(process.env.REALTIME_PORT ?? 1234);
const dataDir = path.resolve(root, process.env.TAFEL_DATA_DIR ?? ".data");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const log = (line: string) => console.log(`[tafel] ${line}`);

const children = new Set<ChildProcess>();
let stopping = false;

function run(name: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
    createInterface({ input: stream }).on("line", (line) => out.write(`[${name}] ${line}\n`));
  if (child.stdout) prefix(child.stdout, process.stdout);
  if (child.stderr) prefix(child.stderr, process.stderr);
  child.on("exit", () => children.delete(child));
  return child;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), timeoutMs);
    if (!child.stdout) throw new Error("spawned without a piped stdout");
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const match = line.match(pattern);
      if (match) {
        clearTimeout(timer);
        lines.close();
        resolve(match);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited with code ${code} before it was ready`));
    });
  });
}

/** The embedded default keeps its secret in the data directory, readable only by this user. */
function embeddedSecret(): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Like the session secret, the embedded default keeps the identity vault's key in the data directory. */
function embeddedVaultKey(): string {
  const file = path.join(dataDir, "vault-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = newVaultKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/** A path inside the project relative to it (".data/…"), any other in full. */
function shownPath(file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become healthy`);
}

async function stopAll(code: number): Promise<never> {
  if (stopping) return new Promise(() => {});
  stopping = true;
  log("stopping…");
  const ordered = [...children];
  const database = ordered.find((child) => (child as ChildProcess & { tafelName?: string }).tafelName === "database");
  const others = ordered.filter((child) => child !== database);
  await Promise.all(others.map((child) => terminate(child, 6000)));
  if (database) await terminate(database, 3000);
  log("stopped");
  process.exit(code);
}

function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function superviseRealtime(env: NodeJS.ProcessEnv): void {
  let quickDeaths = 0;
  const start = () => {
    const startedAt = Date.now();
    const child = run("realtime", tsx, ["realtime/main.ts"], env);
    child.on("exit", (code, signal) => {
      if (stopping) return;
      // A process that served for a while is restarted at once: documents are offline only as
      // long as a start takes. One that keeps dying right after starting (a broken configuration,
      // an unreachable database) is restarted with a growing delay, so it does not spin the CPU.
      quickDeaths = Date.now() - startedAt < 10_000 ? quickDeaths + 1 : 0;
      const delay = quickDeaths <= 3 ? 0 : Math.min(5000, 250 * 2 ** (quickDeaths - 3));
      log(`realtime exited (${signal ?? code}); restarting${delay ? ` in ${delay} ms` : ""}`);
      setTimeout(() => !stopping && start(), delay);
    });
  };
  start();
}

async function main() {
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  if (buildIsStale(root)) {
    log("building the web app (first start or changed sources)…");
    const build = run("build", path.join(root, "node_modules", ".bin", "next"), ["build"], {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    const code = await new Promise<number | null>((resolve) => build.on("exit", resolve));
    if (code !== 0) throw new Error("the build failed");
  }

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let databaseUrl = process.env.DATABASE_URL;
  const embedded = !databaseUrl;
  if (embedded) {
    const pgliteDir = path.join(dataDir, "pglite");
    const database = run("database", tsx, ["scripts/embedded-db.ts", pgliteDir], process.env);
    (database as ChildProcess & { tafelName?: string }).tafelName = "database";
    database.on("exit", (code) => {
      if (!stopping) {
        log(`the embedded database stopped (${code}); stopping Tafel`);
        void stopAll(1);
      }
    });
    const [, dbPort] = await waitForLine(database, /"port":\s*(\d+)/, 60_000);
    databaseUrl = `postgresql://postgres@127.0.0.1:${dbPort}/postgres`;
    log(`embedded database ready (${shownPath(pgliteDir)})`);
  }

  const secret = process.env.NEXTAUTH_SECRET ?? (embedded ? embeddedSecret() : undefined);
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL is set");
  const vaultKey = process.env.TAFEL_VAULT_KEY ?? (embedded ? embeddedVaultKey() : undefined);
  if (!vaultKey) throw new Error("TAFEL_VAULT_KEY must be set when DATABASE_URL is set (32 bytes as base64: `openssl rand -base64 32`)");
  parseVaultKey(vaultKey);

  const applied = await migrate(databaseUrl as string, log);
  if (applied.applied.length === 0) log("database schema is up to date");

  const db = createDb(databaseUrl as string, { max: 1 });
  const empty = (await db.account.count()) === 0;
  const decision = demoDecision({ seedFlag: args.has("--seed"), embedded, empty, host });
  let demoPassphrase = storedDemoPassphrase(dataDir);
  if (decision === "load") {
    if (await hasDemoData(db)) log("demo data is already there");
    else {
      demoPassphrase ??= storeDemoPassphrase(dataDir, newDemoPassphrase());
      await seedDemo(db, new Date(), demoPassphrase);
      log("demo data loaded (Lindendam)");
    }
  } else if (decision === "not-on-network") {
    log(`demo data not loaded: the web app listens on ${host}, beyond this computer (add --seed to load it anyway)`);
  }
  const demo = await hasDemoData(db);
  // A demo loaded before passphrases were made per installation still has the published one:
  // replace it, and keep the new one in this data folder.
  if (demo && !demoPassphrase) {
    const replacement = newDemoPassphrase();
    const names = DEMO_PEOPLE.map((person) => person.signInName);
    if ((await replacePublishedDemoPassphrase(db, names, replacement)) > 0) {
      demoPassphrase = storeDemoPassphrase(dataDir, replacement);
      log("the demo accounts had the formerly published passphrase and have a new one");
    }
  }
  await db.$disconnect();
  // Lets end-to-end tests reach the same database as the app (the embedded one listens on a free port).
  if (process.env.TAFEL_DATABASE_URL_FILE) writeFileSync(process.env.TAFEL_DATABASE_URL_FILE, databaseUrl as string, { mode: 0o600 });

  const baseUrl = process.env.NEXTAUTH_URL ?? `http://${host}:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    TAFEL_VAULT_KEY: vaultKey,
    NEXTAUTH_URL: baseUrl,
    REALTIME_PORT: String(realtimePort),
    REALTIME_HOST: process.env.REALTIME_HOST ?? host,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...(embedded ? { DATABASE_POOL_MAX: "1" } : {}),
  };
  // Our own front for Next (scripts/web-server.ts): it decides the client's address from the socket.
  run("web", tsx, ["scripts/web-server.ts", host, String(port)], env);
  superviseRealtime(env);
  await Promise.all([
    waitForHealth(`http://${host}:${port}/api/health`, 60_000),
    waitForHealth(`http://${env.REALTIME_HOST}:${realtimePort}/health`, 60_000),
  ]);

  log(`Tafel is running at ${baseUrl}`);
  if (demo) {
    log(
      demoPassphrase
        ? `demo sign-ins (passphrase for all: "${demoPassphrase}", kept in ${shownPath(demoPassphraseFile(dataDir))}):`
        : "demo sign-ins (their passphrase is kept in the data folder of the start that loaded the demo):",
    );
    for (const person of DEMO_PEOPLE) log(`  ${person.signInName.padEnd(8)} ${person.pseudonym} — ${person.note}`);
  }
  log("press Ctrl-C to stop");
}

main().catch((error) => {
  console.error(`[tafel] ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
