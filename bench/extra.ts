// The other benchmarks: cold load of a large document, memory per idle document and connection,
// page time to first byte under 50 signed-in users, and the long crash run.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { encode } from "next-auth/jwt";
import * as Y from "yjs";
import { seedDemo } from "../features/demo/seed.ts";
import { SCHEMA_VERSION } from "../features/docs/schema.ts";
import { BENCH_ORIGIN, BENCH_SECRET, makePeople } from "./lib/fixture.ts";
import { LeanClient, newStats } from "./lib/lean-client.ts";
import { freePort, retainedMiB, rssMiB, sleep, startProcess, stopProcess } from "./lib/processes.ts";
import { type Database, nodeFlags, root, startReference, startTafel } from "./lib/servers.ts";
import { median } from "./relay.ts";

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/**
 * An editing trace the size of crdt-benchmarks' B4 (259,778 single-character edits in one text),
 * generated since that repository cannot be fetched here: a person typing at a cursor that
 * mostly moves forward, sometimes jumps, with runs of backspaces (about 70 % inserts).
 */
export function b4LikeTrace(seed = 4): { doc: Y.Doc; inserts: number; deletes: number } {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const doc = new Y.Doc();
  const text = doc.getText("t");
  let cursor = 0;
  let inserts = 0;
  let deletes = 0;
  const letters = "abcdefghijklmnopqrstuvwxyz     ,.";
  doc.transact(() => {
    for (let op = 0; op < 259_778; op++) {
      if (random() < 0.01) cursor = Math.floor(random() * (text.length + 1));
      if (random() < 0.3 && cursor > 0) {
        text.delete(cursor - 1, 1);
        cursor -= 1;
        deletes += 1;
      } else {
        text.insert(cursor, letters[Math.floor(random() * letters.length)] as string);
        cursor += 1;
        inserts += 1;
      }
    }
  });
  return { doc, inserts, deletes };
}

/** Connects one lean client and resolves with the milliseconds until its first sync step 2. */
async function timeToSync(url: string, room: string, cookie: string): Promise<number> {
  const client = new LeanClient(
    0,
    room,
    { protocol: "y-websocket", url, query: `?schema=${SCHEMA_VERSION}`, headers: () => ({ cookie, origin: BENCH_ORIGIN }) },
    newStats(),
  );
  const started = performance.now();
  await client.connect();
  const ms = performance.now() - started;
  if (!client.synced) throw new Error("the client did not sync");
  client.close();
  return ms;
}

export async function coldLoad(database: Database, mode: string) {
  const { doc, inserts, deletes } = b4LikeTrace();
  const state = Y.encodeStateAsUpdate(doc);
  const applyMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    applyMs.push(performance.now() - started);
  }
  const people = await makePeople(database.db, 1, 1);
  const room = people.rooms[0] as string;
  await database.db.docSnapshot.create({ data: { docName: room, data: new Uint8Array(state), upToId: 0n } });
  const first: number[] = [];
  const reopen: number[] = [];
  let memory = Number.NaN;
  for (let rep = 0; rep < 3; rep++) {
    const running = await startTafel(database, { clients: 1, rooms: 1 });
    const url = running.targets[0]?.url as string;
    const pid = running.meters[0]?.pid as number;
    const before = await retainedMiB(pid);
    first.push(await timeToSync(url, room, people.cookies[0] as string));
    await sleep(1500);
    // One connection held open: the document stays loaded and idle.
    const holder = new LeanClient(
      0,
      room,
      {
        protocol: "y-websocket",
        url,
        query: `?schema=${SCHEMA_VERSION}`,
        headers: () => ({ cookie: people.cookies[0] as string, origin: BENCH_ORIGIN }),
      },
      newStats(),
    );
    await holder.connect();
    await sleep(3000);
    memory = (await retainedMiB(pid)) - before;
    holder.close();
    await sleep(1500); // the room unloads once everyone has left
    reopen.push(await timeToSync(url, room, people.cookies[0] as string));
    await running.stop();
  }
  const apply = median(applyMs);
  console.log(`\n### cold load of a large document — Tafel on ${mode}`);
  console.log(
    `trace: ${inserts + deletes} single-character edits (${inserts} inserts, ${deletes} deletes), final text ${doc.getText("t").length} characters, stored state ${state.byteLength} bytes`,
  );
  console.log("| measure | ms | × Y.applyUpdate in memory |");
  console.log("|---|---|---|");
  console.log(`| Y.applyUpdate of the same bytes in memory | ${fmt(apply)} | 1.00 |`);
  console.log(
    `| first sync after a restart (connect, authenticate, load, sync) | ${fmt(median(first))} | ${fmt(median(first) / apply, 2)} |`,
  );
  console.log(`| reopening an unloaded room on a running process | ${fmt(median(reopen))} | ${fmt(median(reopen) / apply, 2)} |`);
  console.log(
    `memory retained by the realtime process (heap + buffers after a full GC) with this document loaded and idle: +${fmt(memory)} MiB`,
  );
}

/** Resident memory added per idle document with one connection, and per further connection. */
export async function memoryPerDocument(database: Database, mode: string) {
  const rooms = 300;
  console.log(`\n### memory per idle document (${rooms} small documents) — Tafel on ${mode}`);
  console.log(
    "| server | idle process MiB | per document with one connection KiB | per further connection KiB | after everyone left MiB |",
  );
  console.log("|---|---|---|---|---|");
  for (const kind of ["reference", "tafel"] as const) {
    const running = kind === "reference" ? await startReference() : await startTafel(database, { clients: rooms * 2, rooms });
    const pid = running.meters[0]?.pid as number;
    const names = running.people?.rooms ?? Array.from({ length: rooms }, (_, i) => `mem-${i}-${randomUUID()}`);
    const target = running.targets[0] as NonNullable<(typeof running.targets)[0]>;
    await sleep(1000);
    const idle = await retainedMiB(pid);
    const idleRss = rssMiB(pid);
    const open = async (offset: number) => {
      const list: LeanClient[] = [];
      for (let i = 0; i < rooms; i++) {
        const client = new LeanClient(offset + i, names[i] as string, target, newStats());
        await client.connect();
        client.sendInsert();
        list.push(client);
      }
      return list;
    };
    const first = await open(0);
    await sleep(3000);
    const withDocs = await retainedMiB(pid);
    const second = await open(rooms);
    await sleep(3000);
    const withMore = await retainedMiB(pid);
    for (const client of [...first, ...second]) client.close();
    await sleep(4000);
    const after = await retainedMiB(pid);
    console.log(
      `| ${kind} | ${fmt(idle)} / ${fmt(idleRss)} | ${fmt(((withDocs - idle) * 1024) / rooms, 0)} | ${fmt(((withMore - withDocs) * 1024) / rooms, 0)} | ${fmt(after)} / ${fmt(rssMiB(pid))} |`,
    );
    await running.stop();
  }
}

type AutocannonClient = {
  setHeaders: (headers: Record<string, string>) => void;
  on: (event: "request" | "headers", listener: () => void) => void;
};

/** Time to first byte of the table page and the participation page under 50 signed-in users. */
export async function pages(database: Database, mode: string) {
  const require = createRequire(path.join(root, "bench/others/package.json"));
  const autocannon = require("autocannon") as (options: Record<string, unknown>) => Promise<{
    latency: { p50: number; p99: number };
    requests: { average: number; total: number };
    throughput: { total: number };
    non2xx: number;
  }>;
  const { tableId } = await seedDemo(database.db);
  const users = 50;
  const cookies: string[] = [];
  for (let i = 0; i < users; i++) {
    const account = await database.db.account.create({
      data: { signInName: `page-${randomUUID()}`, pseudonym: `Lezer ${i}`, passphraseHash: "!" },
      select: { id: true },
    });
    await database.db.membership.create({ data: { tableId, accountId: account.id, role: "observer" } });
    const session = await database.db.session.create({ data: { accountId: account.id }, select: { id: true } });
    cookies.push(`next-auth.session-token=${await encode({ token: { sub: account.id, sid: session.id }, secret: BENCH_SECRET })}`);
  }
  const port = await freePort();
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const web = await startProcess(process.execPath, [...nodeFlags(), nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(database.mode === "embedded" ? { DATABASE_POOL_MAX: "1" } : {}),
    },
    ready: /Ready|started server/i,
  });
  console.log(`\n### pages under ${users} concurrent signed-in users (autocannon, 15 s each) — Tafel on ${mode}`);
  console.log("| page | TTFB p50 ms | TTFB p99 ms | full response p50 ms | p99 ms | requests/s | KiB per page | non-2xx |");
  console.log("|---|---|---|---|---|---|---|---|");
  try {
    for (const [label, url] of [
      ["table page", `/tables/${tableId}`],
      ["participation page", `/tables/${tableId}/participation`],
    ] as const) {
      let next = 0;
      await autocannon({ url: `http://127.0.0.1:${port}${url}`, connections: 10, duration: 3, headers: { cookie: cookies[0] } });
      // autocannon's latency is to the end of the response; the first byte is when its headers
      // arrive (one request in flight per connection, so the last request sent is the one answered).
      const firstByte: number[] = [];
      const result = await autocannon({
        url: `http://127.0.0.1:${port}${url}`,
        connections: users,
        duration: 15,
        setupClient: (client: AutocannonClient) => {
          client.setHeaders({ cookie: cookies[next++ % users] as string });
          let sent = 0;
          client.on("request", () => {
            sent = performance.now();
          });
          client.on("headers", () => {
            firstByte.push(performance.now() - sent);
          });
        },
      });
      firstByte.sort((a, b) => a - b);
      const at = (q: number) => firstByte[Math.min(firstByte.length - 1, Math.floor(q * firstByte.length))] ?? Number.NaN;
      const kib = result.throughput.total / Math.max(1, result.requests.total) / 1024;
      console.log(
        `| ${label} | ${fmt(at(0.5), 0)} | ${fmt(at(0.99), 0)} | ${result.latency.p50} | ${result.latency.p99} | ${fmt(result.requests.average, 0)} | ${fmt(kib, 0)} | ${result.non2xx} |`,
      );
    }
  } finally {
    await stopProcess(web.child);
  }
}

/** The long crash run: 20 kill -9 cycles under two editing clients. */
export async function crashCycles(database: Database, mode: string, cycles = 20) {
  const { connect, waitFor } = await import("../realtime/test-support.ts");
  const people = await makePeople(database.db, 2, 1);
  const room = people.rooms[0] as string;
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXTAUTH_URL: BENCH_ORIGIN,
    REALTIME_PORT: String(port),
    ...(database.mode === "embedded" ? { DATABASE_POOL_MAX: "1" } : {}),
  };
  const launch = () =>
    startProcess(process.execPath, ["--import", "tsx", "realtime/main.ts"], { cwd: root, env, ready: /realtime listening/ });
  let current = await launch();
  const clients = people.cookies.map((cookie) => connect(port, room, { cookie }, { origin: BENCH_ORIGIN, maxBackoffTime: 300 }));
  const { loadStoredDoc } = await import("../features/docs/store.ts");
  let lost = 0;
  const started = performance.now();
  const downtimes: number[] = [];
  for (let cycle = 0; cycle < cycles; cycle++) {
    await waitFor(() => clients.every((c) => c.provider.synced), "sync", 30_000);
    const timers = clients.map((client, i) => setInterval(() => client.doc.getText("t").insert(0, i ? "b" : "a"), 5));
    await sleep(1000);
    current.child.kill("SIGKILL");
    await new Promise((resolve) => current.child.once("exit", resolve));
    for (const timer of timers) clearInterval(timer);
    const stored = new Y.Doc();
    for (const update of (await loadStoredDoc(database.db, room)).updates) Y.applyUpdate(stored, update);
    const storedVector = Y.decodeStateVector(Y.encodeStateVector(stored));
    for (const client of clients) {
      for (const [id, clock] of Y.decodeStateVector(Y.encodeStateVector(client.doc))) {
        if (id !== client.doc.clientID && (storedVector.get(id) ?? 0) < clock) lost += clock - (storedVector.get(id) ?? 0);
      }
    }
    const down = performance.now();
    current = await launch();
    await waitFor(() => clients.every((c) => c.provider.synced && c.provider.wsconnected), "reconnect", 30_000);
    downtimes.push(performance.now() - down);
  }
  await waitFor(() => clients[0]?.text() === clients[1]?.text(), "convergence", 30_000);
  console.log(`\n### crash run — Tafel on ${mode}`);
  console.log(
    `${cycles} kill -9 cycles under two clients typing every 5 ms: ${lost} characters that another client had received were missing from storage; clients converged; restart to re-synced median ${fmt(median(downtimes), 0)} ms; ${fmt((performance.now() - started) / 1000, 0)} s in all`,
  );
  for (const client of clients) client.destroy();
  await stopProcess(current.child);
}
