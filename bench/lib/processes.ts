// Starting servers as child processes and reading their CPU time and memory from /proc.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";

const CLOCK_TICKS = 100; // USER_HZ on Linux

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type Started = { child: ChildProcess; match: RegExpMatchArray; output: () => string };

/** Spawns a process and resolves when a line of its stdout matches. */
export function startProcess(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; ready: RegExp; timeoutMs?: number },
): Promise<Started> {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr?.on("data", (chunk) => {
    output = (output + String(chunk)).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(" ")} did not start: ${output}`)), options.timeoutMs ?? 60_000);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      if (process.env.BENCH_VERBOSE) console.error(`[${path.basename(args.at(-1) ?? command)}] ${line}`);
      const match = line.match(options.ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}: ${output}`));
    });
  });
}

export function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
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

function childrenOf(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = tree.get(ppid) ?? [];
      list.push(Number(entry));
      tree.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  return tree;
}

/** The pids of a process and all its descendants. */
export function processTree(root: number): number[] {
  const tree = childrenOf();
  const all: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    all.push(pid);
    queue.push(...(tree.get(pid) ?? []));
  }
  return all;
}

/**
 * CPU seconds (user + system) used so far by a process tree. Each process counts its own time and
 * that of its children that ended (cutime, cstime): a PostgreSQL backend that exits during a
 * window moves its time into the postmaster's, so the total never shrinks.
 */
export function cpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // ended
    }
  }
  return ticks / CLOCK_TICKS;
}

/** Resident memory of a process tree in MiB. */
export function rssMiB(root: number): number {
  let kib = 0;
  for (const pid of processTree(root)) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // ended
    }
  }
  return kib / 1024;
}

export type Meter = { label: string; pid: number };

/** Measures CPU share (percent of one core) of several process trees over a window. */
export function cpuMeter(meters: Meter[]) {
  const start = meters.map((m) => cpuSeconds(m.pid));
  const startedAt = performance.now();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    return meters.map((m, i) => ({ label: m.label, percent: ((cpuSeconds(m.pid) - (start[i] as number)) / seconds) * 100 }));
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Live heap plus off-heap buffers of a process started with the heap probe, after a full GC, in MiB. */
export async function retainedMiB(pid: number): Promise<number> {
  const { readFileSync, rmSync, existsSync } = await import("node:fs");
  const file = `${process.env.BENCH_HEAP_FILE ?? "/tmp"}/heap-${pid}.json`;
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 10_000;
  while (!existsSync(file) && Date.now() < deadline) await sleep(50);
  await sleep(50);
  const usage = JSON.parse(readFileSync(file, "utf8")) as { heapUsed: number; external: number; arrayBuffers: number };
  return (usage.heapUsed + usage.external) / 2 ** 20;
}
