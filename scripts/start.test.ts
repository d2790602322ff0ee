// The README's start command, run for real on a temporary data directory.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "tafel-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

async function start(port: number, realtimePort: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TAFEL_DATA_DIR: dataDir,
    PORT: String(port),
    REALTIME_PORT: String(realtimePort),
    HOST: "127.0.0.1",
  };
  for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "TAFEL_TEST"]) delete env[key];
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    text += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      // The greeting ends with how to stop: by then the demo sign-ins are printed too.
      if (text.includes("press Ctrl-C to stop")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`start exited early with ${code}:\n${text}`));
    });
  });
  return { child, output: () => text, exited };
}

/** Signs in through next-auth's credentials endpoint; answers "ok" or the error it reports. */
async function signInAs(port: number, signInName: string, passphrase: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, signInName, passphrase, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "ok";
}

async function stop(started: Started): Promise<{ code: number | null; ms: number }> {
  const begun = Date.now();
  started.child.kill("SIGINT");
  const code = await started.exited;
  return { code, ms: Date.now() - begun };
}

describe("the start command", () => {
  it("serves the app on a new embedded database with demo data, stops cleanly, and restarts without reseeding", async () => {
    const port = await freePort();
    const realtimePort = await freePort();
    const first = await start(port, realtimePort);
    expect(first.output()).toContain("demo data loaded");
    expect(first.output()).toMatch(/noor\s+Noor Hamdan/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ db: "ok" });
    const realtime = await fetch(`http://127.0.0.1:${realtimePort}/health`);
    expect(realtime.status).toBe(200);
    // The generated secret is readable by its owner only.
    expect(statSync(path.join(dataDir, "nextauth-secret")).mode & 0o777).toBe(0o600);
    // The demo passphrase was made for this installation, kept beside it, printed, and works.
    const demoPassphrase = readFileSync(path.join(dataDir, "demo-passphrase"), "utf8").trim();
    expect(statSync(path.join(dataDir, "demo-passphrase")).mode & 0o777).toBe(0o600);
    expect(first.output()).toContain(`"${demoPassphrase}"`);
    expect(await signInAs(port, "noor", demoPassphrase)).toBe("ok");
    expect(await signInAs(port, "noor", "lindendam demo tafel")).toBe("SIGN_IN_FAILED");

    const stopped = await stop(first);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();

    const second = await start(port, realtimePort);
    expect(second.output()).not.toContain("demo data loaded");
    expect(second.output()).toContain("database schema is up to date");
    expect(second.output()).toMatch(/noor\s+Noor Hamdan/);
    expect(second.output()).toContain(`"${demoPassphrase}"`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect((await stop(second)).code).toBe(0);
  }, 180_000);
});
