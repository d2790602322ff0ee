// A throwaway PostgreSQL 15 for benchmarks, started as .ci/run does (trust auth, no fsync, a free port).
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./processes.ts";

const PGBIN = "/usr/lib/postgresql/15/bin";

export type Postgres = { url: string; pid: number; stop: () => void };

export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "tafel-bench-pg-"));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? "postgres" : null;
  if (user) {
    const uid = Number(execFileSync("id", ["-u", user]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", user]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    user ? execFileSync("runuser", ["-u", user, "--", `${PGBIN}/${bin}`, ...args]) : execFileSync(`${PGBIN}/${bin}`, args);
  run("initdb", ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  const port = await freePort();
  run("pg_ctl", [
    "-D",
    dir,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "start",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
  ]);
  const pid = Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    pid,
    stop: () => {
      run("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
