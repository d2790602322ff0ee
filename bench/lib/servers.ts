// The servers under test, each started fresh for a run: Tafel's realtime server (authenticated,
// persisting, on the embedded database or PostgreSQL, one or more nodes over Redis), the
// reference @y/websocket-server (in memory, no authentication) and Hocuspocus with SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_VERSION } from "../../features/docs/schema.ts";
import { createDb, type Db } from "../../prisma/db.ts";
import { migrate } from "../../prisma/migrate.ts";
import { startRedis } from "../../test/redis.ts";
import { BENCH_ORIGIN, BENCH_SECRET, makePeople, type People } from "./fixture.ts";
import type { Target } from "./lean-client.ts";
import { startPostgres } from "./postgres.ts";
import { freePort, type Meter, startProcess, stopProcess } from "./processes.ts";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const others = path.join(root, "bench", "others");

export type Running = {
  name: string;
  targets: Target[];
  /** Room names for N clients over R rooms. */
  people: People | null;
  meters: Meter[];
  stop: () => Promise<void>;
};

export type ServerKind = "reference" | "hocuspocus" | "tafel";

/** Node flags for every server, e.g. --cpu-prof from BENCH_NODE_FLAGS. */
export function nodeFlags(): string[] {
  const probe = process.env.BENCH_HEAP_PROBE ? ["--expose-gc", "--import", path.join(root, "bench/lib/heap-probe.mjs")] : [];
  return [...probe, ...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean)];
}

export async function startReference(): Promise<Running> {
  const port = await freePort();
  const started = await startProcess(
    process.execPath,
    [...nodeFlags(), path.join(others, "node_modules/@y/websocket-server/src/server.js")],
    {
      env: { HOST: "127.0.0.1", PORT: String(port) },
      ready: /running at/,
    },
  );
  return {
    name: "reference",
    targets: [{ protocol: "y-websocket", url: `ws://127.0.0.1:${port}` }],
    people: null,
    meters: [{ label: "server", pid: started.child.pid as number }],
    stop: () => stopProcess(started.child),
  };
}

export async function startHocuspocus(): Promise<Running> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "tafel-bench-hp-"));
  const started = await startProcess(process.execPath, [...nodeFlags(), "hocuspocus-server.mjs", path.join(dir, "db.sqlite")], {
    cwd: others,
    env: { PORT: String(port) },
    ready: /listening/,
  });
  return {
    name: "hocuspocus",
    targets: [{ protocol: "hocuspocus", url: `ws://127.0.0.1:${port}` }],
    people: null,
    meters: [{ label: "server", pid: started.child.pid as number }],
    stop: async () => {
      await stopProcess(started.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Database = { mode: "embedded" | "postgres"; url: string; pid: number; db: Db; stop: () => Promise<void> };

/** The database Tafel runs on for the whole bench: embedded PGlite in its own process, or PostgreSQL. */
export async function startDatabase(mode: "embedded" | "postgres"): Promise<Database> {
  if (mode === "postgres") {
    const pg = await startPostgres();
    await migrate(pg.url);
    const db = createDb(pg.url, { max: 2 });
    return {
      mode,
      url: pg.url,
      pid: pg.pid,
      db,
      stop: async () => {
        await db.$disconnect();
        pg.stop();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "tafel-bench-pglite-"));
  const started = await startProcess(
    process.execPath,
    [...nodeFlags(), "--import", "tsx", "scripts/embedded-db.ts", path.join(dir, "pglite")],
    {
      cwd: root,
      ready: /"port":\s*(\d+)/,
      timeoutMs: 180_000,
    },
  );
  const url = `postgresql://postgres@127.0.0.1:${started.match[1]}/postgres`;
  await migrate(url);
  const db = createDb(url, { max: 1 });
  return {
    mode,
    url,
    pid: started.child.pid as number,
    db,
    stop: async () => {
      await db.$disconnect();
      await stopProcess(started.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTafel(
  database: Database,
  options: { clients: number; rooms: number; nodes?: number; env?: Record<string, string> },
): Promise<Running> {
  const nodes = options.nodes ?? 1;
  const people = await makePeople(database.db, options.clients, options.rooms);
  const redis = nodes > 1 ? await startRedis() : null;
  const children: { port: number; child: import("node:child_process").ChildProcess }[] = [];
  for (let n = 0; n < nodes; n++) {
    const port = await freePort();
    const started = await startProcess(process.execPath, [...nodeFlags(), "--import", "tsx", "realtime/main.ts"], {
      cwd: root,
      env: {
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: BENCH_SECRET,
        NEXTAUTH_URL: BENCH_ORIGIN,
        REALTIME_PORT: String(port),
        ...(database.mode === "embedded" ? { DATABASE_POOL_MAX: "1" } : {}),
        ...(redis ? { REDIS_URL: redis.url } : {}),
        ...options.env,
      },
      ready: /realtime listening/,
    });
    children.push({ port, child: started.child });
    // Warm up as a running server would be: database connection open, query compiler loaded.
    for (let i = 0; i < 3; i++) await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.text());
  }
  const headers = (i: number) => ({ cookie: people.cookies[i] as string, origin: BENCH_ORIGIN });
  return {
    name: nodes > 1 ? `tafel×${nodes}` : "tafel",
    // Room-mates (i, i + R, …) land on different nodes, so every room crosses Redis.
    targets: children.map(({ port }) => ({
      protocol: "y-websocket" as const,
      url: `ws://127.0.0.1:${port}`,
      query: `?schema=${SCHEMA_VERSION}`,
      headers,
    })),
    people,
    meters: [
      ...children.map(({ child }, n) => ({ label: nodes > 1 ? `realtime ${n + 1}` : "realtime", pid: child.pid as number })),
      { label: "database", pid: database.pid },
      ...(redis ? [{ label: "redis", pid: redis.pid }] : []),
    ],
    stop: async () => {
      await Promise.all(children.map(({ child }) => stopProcess(child, 10_000)));
      await redis?.stop();
    },
  };
}

export function targetFor(running: Running, index: number, rooms: number): Target {
  const node = Math.floor(index / rooms) % running.targets.length;
  return running.targets[node] as Target;
}
