// npm run bench [-- options]: prints Tafel's realtime figures against the reference server
// (and Hocuspocus), measured in the same run, alternating, with ratios.
//   --only=relay,sweep,idle,load,memory,pages,crash   which benchmarks (default: all)
//   --db=embedded,postgres                            Tafel's databases (default: both)
//   --reps=4 --window=10 --servers=reference,tafel,hocuspocus --scenarios=50/5/50,200/50/200
import os from "node:os";
import type { ServerKind } from "./lib/servers.ts";
import { type Database, startDatabase } from "./lib/servers.ts";
import { median, type RunResult, runRelay, type Scenario, sweep } from "./relay.ts";

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key as string, value ?? "true"];
  }),
);
const list = (key: string, fallback: string) => (args.get(key) ?? fallback).split(",").filter(Boolean);
const only = new Set(list("only", "relay,sweep,idle,load,memory,pages,crash"));
const dbModes = list("db", "embedded,postgres") as ("embedded" | "postgres")[];
const reps = Number(args.get("reps") ?? 4);
const windowSeconds = Number(args.get("window") ?? 10);
const servers = list("servers", "reference,tafel,hocuspocus") as ServerKind[];
const scenarios: Scenario[] = list("scenarios", "50/5/50,200/50/200,1000/500/500").map((s) => {
  const [clients, rooms, rate] = s.split("/").map(Number);
  return { clients: clients as number, rooms: rooms as number, rate: rate as number };
});
const nodes = Number(args.get("nodes") ?? 1);

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const pct = (n: number) => `${(n * 100).toFixed(2)} %`;

function printMachine() {
  const load = os.loadavg().map((l) => l.toFixed(2));
  console.log(
    `machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`load average at start: ${load.join(" ")}`);
}

function summarise(label: string, byServer: Map<string, RunResult[]>) {
  console.log(`\n### ${label}`);
  const ref = byServer.get("reference") ?? [];
  const refP99 = median(ref.map((r) => r.p99));
  const refCpu = median(ref.map((r) => r.cpuTotal));
  const refConnect = median(ref.map((r) => r.connectSeconds));
  console.log(
    "| server | p50 ms | p95 ms | p99 ms (range) | CPU % (per process) | RSS MiB | connect all s | delivered | p99 × ref | CPU × ref | connect × ref |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const [server, runs] of byServer) {
    const p99s = runs.map((r) => r.p99);
    const cpu = median(runs.map((r) => r.cpuTotal));
    const parts = (runs[0]?.cpu ?? []).map(
      (c) => `${c.label} ${fmt(median(runs.map((r) => r.cpu.find((x) => x.label === c.label)?.percent ?? 0)))}`,
    );
    const p99 = median(p99s);
    const connect = median(runs.map((r) => r.connectSeconds));
    console.log(
      `| ${server} | ${fmt(median(runs.map((r) => r.p50)))} | ${fmt(median(runs.map((r) => r.p95)))} | ${fmt(p99)} (${fmt(Math.min(...p99s))}–${fmt(Math.max(...p99s))}) | ${fmt(cpu)} (${parts.join(", ")}) | ${fmt(median(runs.map((r) => r.rss)), 0)} | ${fmt(connect, 2)} | ${pct(Math.min(...runs.map((r) => r.delivered)))} | ${fmt(p99 / refP99, 2)} | ${fmt(cpu / refCpu, 2)} | ${fmt(connect / refConnect, 2)} |`,
    );
  }
}

async function relay(database: Database | null, mode: string) {
  for (const scenario of scenarios) {
    const byServer = new Map<string, RunResult[]>();
    for (let rep = 0; rep < reps; rep++) {
      // Alternate the order so that no server always runs on a warmer or busier machine.
      const order = rep % 2 === 0 ? servers : [...servers].reverse();
      for (const kind of order) {
        const result = await runRelay(kind, scenario, kind === "tafel" ? database : null, {
          windowSeconds,
          warmupSeconds: 2,
          nodes: kind === "tafel" ? nodes : 1,
        });
        byServer.set(result.server, [...(byServer.get(result.server) ?? []), result]);
        console.error(
          `  ${mode} ${scenario.clients}/${scenario.rooms}/${scenario.rate} rep ${rep + 1} ${result.server}: p99 ${fmt(result.p99)} ms, cpu ${fmt(result.cpuTotal)} %, delivered ${pct(result.delivered)}, failed ${result.failed}`,
        );
      }
    }
    summarise(
      `relay ${scenario.clients} clients / ${scenario.rooms} rooms / ${scenario.rate} updates/s — Tafel on ${mode}${nodes > 1 ? `, ${nodes} nodes` : ""}`,
      byServer,
    );
  }
}

async function rateSweep(database: Database | null, mode: string) {
  const rates = list("rates", "500,1000,2000,3000,4000,6000").map(Number);
  console.log(
    `\n### sustainable throughput (highest total rate with p99 < 50 ms and everything delivered), 1,000 clients / 500 rooms — Tafel on ${mode}`,
  );
  console.log("| server | held updates/s | p99 ms at each rate |");
  console.log("|---|---|---|");
  for (const kind of servers) {
    const result = await sweep(kind, { clients: 1000, rooms: 500 }, rates, kind === "tafel" ? database : null, {
      windowSeconds: Math.min(windowSeconds, 8),
      warmupSeconds: 2,
      nodes: kind === "tafel" ? nodes : 1,
    });
    console.log(
      `| ${kind} | ${result.held} | ${result.results.map((r) => `${r.rate}: ${fmt(r.p99)}${r.delivered < 0.999 ? ` (${pct(r.delivered)})` : ""}`).join(", ")} |`,
    );
  }
}

async function idle(database: Database | null, mode: string) {
  const byServer = new Map<string, RunResult[]>();
  for (let rep = 0; rep < Math.min(reps, 2); rep++) {
    for (const kind of rep % 2 === 0 ? servers : [...servers].reverse()) {
      const result = await runRelay(kind, { clients: 1000, rooms: 500, rate: 1 }, kind === "tafel" ? database : null, {
        windowSeconds: Math.max(windowSeconds, 15),
        warmupSeconds: 1,
        nodes: kind === "tafel" ? nodes : 1,
      });
      byServer.set(result.server, [...(byServer.get(result.server) ?? []), result]);
    }
  }
  summarise(`idle: 1,000 connected clients, 1 update/s in total — Tafel on ${mode}`, byServer);
}

async function main() {
  printMachine();
  const needsDb = servers.includes("tafel") || only.has("load") || only.has("memory") || only.has("pages") || only.has("crash");
  for (const mode of dbModes) {
    const database = needsDb ? await startDatabase(mode) : null;
    try {
      if (only.has("relay")) await relay(database, mode);
      if (only.has("sweep")) await rateSweep(database, mode);
      if (only.has("idle")) await idle(database, mode);
      if (database) {
        const extra = await import("./extra.ts");
        process.env.BENCH_HEAP_PROBE = "1";
        if (only.has("load")) await extra.coldLoad(database, mode);
        if (only.has("memory")) await extra.memoryPerDocument(database, mode);
        delete process.env.BENCH_HEAP_PROBE;
        if (only.has("pages")) await extra.pages(database, mode);
        if (only.has("crash") && mode === dbModes[0]) await extra.crashCycles(database, mode);
      }
    } finally {
      await database?.stop();
    }
  }
  console.log(
    `\nload average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
