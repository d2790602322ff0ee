// Relay benchmark: N lean clients over R rooms send small text updates at a set total rate;
// latency from sender to every other member of the room, delivered share, server CPU (every
// process involved) and memory. Servers alternate within each repetition; ratios are against
// the reference server measured in the same run.
import { LeanClient, newStats, percentile, type Stats, window } from "./lib/lean-client.ts";
import { cpuMeter, rssMiB, sleep } from "./lib/processes.ts";
import { type Database, type Running, type ServerKind, startHocuspocus, startReference, startTafel, targetFor } from "./lib/servers.ts";

export type Scenario = { clients: number; rooms: number; rate: number };

export type RunResult = {
  server: string;
  p50: number;
  p95: number;
  p99: number;
  delivered: number;
  cpu: { label: string; percent: number }[];
  cpuTotal: number;
  rss: number;
  connectSeconds: number;
  failed: number;
};

export type RelayOptions = { windowSeconds: number; warmupSeconds: number; nodes?: number };

async function start(kind: ServerKind, scenario: Scenario, database: Database | null, nodes: number): Promise<Running> {
  if (kind === "reference") return startReference();
  if (kind === "hocuspocus") return startHocuspocus();
  if (!database) throw new Error("tafel needs a database");
  return startTafel(database, { clients: scenario.clients, rooms: scenario.rooms, nodes });
}

/** Connects every client, at most `parallel` handshakes at a time, and returns how long it took. */
async function connectAll(clients: LeanClient[], parallel = 100): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < clients.length) {
        const client = clients[next++] as LeanClient;
        await client.connect();
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Sends `rate` inserts a second in total, round-robin over the clients, until stopped. */
function sendAt(clients: LeanClient[], rate: number, stats: Stats, roomSize: Map<string, LeanClient[]>) {
  let credit = 0;
  let cursor = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    credit += ((now - last) / 1000) * rate;
    last = now;
    while (credit >= 1) {
      credit -= 1;
      const client = clients[cursor++ % clients.length] as LeanClient;
      if (client.sendInsert()) {
        const mates = roomSize.get(client.room) ?? [];
        for (const mate of mates) if (mate !== client && mate.open && mate.synced) stats.expected += 1;
      }
    }
  }, 5);
  return () => clearInterval(timer);
}

export async function runRelay(kind: ServerKind, scenario: Scenario, database: Database | null, options: RelayOptions): Promise<RunResult> {
  const running = await start(kind, scenario, database, options.nodes ?? 1);
  const stats = newStats();
  const rooms =
    running.people?.rooms ?? Array.from({ length: scenario.rooms }, (_, i) => `room-${i}-${Math.random().toString(36).slice(2)}`);
  const clients = Array.from(
    { length: scenario.clients },
    (_, i) => new LeanClient(i, rooms[i % scenario.rooms] as string, targetFor(running, i, scenario.rooms), stats),
  );
  const byRoom = new Map<string, LeanClient[]>();
  for (const client of clients) byRoom.set(client.room, [...(byRoom.get(client.room) ?? []), client]);
  try {
    const connectSeconds = await connectAll(clients);
    const stopWarmup = sendAt(clients, scenario.rate, newStats(), byRoom);
    await sleep(options.warmupSeconds * 1000);
    stopWarmup();
    await sleep(500);
    for (const client of clients) client.measuring = true;
    const meter = cpuMeter(running.meters);
    window.from = performance.now();
    window.to = Number.POSITIVE_INFINITY;
    const stop = sendAt(clients, scenario.rate, stats, byRoom);
    await sleep(options.windowSeconds * 1000);
    stop();
    window.to = performance.now();
    const cpu = meter();
    const rss = running.meters.reduce((sum, m) => sum + rssMiB(m.pid), 0);
    // In-flight updates still arrive; wait for them before counting.
    const deadline = performance.now() + 3000;
    while (stats.delivered < stats.expected && performance.now() < deadline) await sleep(50);
    const sorted = stats.latencies.sort((a, b) => a - b);
    if (process.env.BENCH_VERBOSE)
      console.error(
        `  sent ${stats.sent}, expected ${stats.expected}, delivered ${stats.delivered}, synced ${clients.filter((c) => c.synced).length}/${clients.length}`,
      );
    if (stats.closes.size > 0) console.error(`  closed by the server: ${[...stats.closes].map(([code, n]) => `${n}× ${code}`).join(", ")}`);
    return {
      server: running.name,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      delivered: stats.expected === 0 ? 0 : stats.delivered / stats.expected,
      cpu,
      cpuTotal: cpu.reduce((sum, c) => sum + c.percent, 0),
      rss,
      connectSeconds,
      failed: stats.failedConnections,
    };
  } finally {
    for (const client of clients) client.close();
    await running.stop();
  }
}

/** The highest total rate at which p99 stays under 50 ms with everything delivered. */
export async function sweep(
  kind: ServerKind,
  base: Omit<Scenario, "rate">,
  rates: number[],
  database: Database | null,
  options: RelayOptions,
): Promise<{ held: number; results: (RunResult & { rate: number })[] }> {
  let held = 0;
  const results: (RunResult & { rate: number })[] = [];
  for (const rate of rates) {
    const result = await runRelay(kind, { ...base, rate }, database, options);
    results.push({ ...result, rate });
    if (result.p99 < 50 && result.delivered >= 0.999) held = rate;
    else break;
  }
  return { held, results };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
