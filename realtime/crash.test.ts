// kill -9 of the realtime process under edits: nothing another client had received may be lost.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadStoredDoc } from "../features/docs/store.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { type Client, connect, ORIGIN, SECRET, synced, tableWithPeople, waitFor } from "./test-support.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
const spawned = new Set<ChildProcess>();
afterAll(async () => {
  // A failed test must not leave a server behind.
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await t.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startProcess(port: number): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/tsx", ["realtime/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      DATABASE_POOL_MAX: "1",
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: ORIGIN,
      REALTIME_PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.add(child);
  let output = "";
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => String(chunk).includes("realtime listening") && resolve());
    child.on("exit", (code) => reject(new Error(`realtime exited with ${code}: ${output}`)));
  });
  return child;
}

async function storedState(docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await loadStoredDoc(t.db, docName)).updates) Y.applyUpdate(doc, update);
  return doc;
}

/** What each client holds from the *other* clients must be in the database. */
async function expectStoredWhatOthersSaw(clients: Client[], docName: string) {
  const stored = Y.decodeStateVector(Y.encodeStateVector(await storedState(docName)));
  let checked = 0;
  for (const client of clients) {
    for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVector(client.doc))) {
      if (clientId === client.doc.clientID) continue;
      expect(stored.get(clientId) ?? 0).toBeGreaterThanOrEqual(clock);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(clients.length * (clients.length - 1));
}

function keepTyping(clients: Client[]) {
  const timers = clients.map((client, index) =>
    setInterval(() => {
      const text = client.doc.getText("t");
      text.insert(text.length, String.fromCharCode(97 + index));
    }, 4),
  );
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

async function serverPid(port: number): Promise<number> {
  // tsx runs the server in a child process: signal the one the health endpoint names.
  return ((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { pid: number }).pid;
}

describe("crash durability", () => {
  it("after each kill -9, every update a client had received from another is stored, and clients converge after the restart", async () => {
    const people = await tableWithPeople(t.db);
    const port = await freePort();
    let current = await startProcess(port);
    const clients: Client[] = [people.facilitator, people.delegate, people.facilitator].map((p) => connect(port, people.docName, p));
    await Promise.all(clients.map(synced));

    for (let cycle = 1; cycle <= 3; cycle++) {
      const stop = keepTyping(clients);
      // Let edits flow until each client has seen plenty from the others since the last restart.
      const before = clients.map((c) => c.text().length);
      await waitFor(() => clients.every((c, i) => c.text().length > (before[i] as number) + 150), `edits to flow (cycle ${cycle})`, 20_000);
      process.kill(await serverPid(port), "SIGKILL");
      await new Promise((resolve) => current.once("exit", resolve));
      stop();
      await expectStoredWhatOthersSaw(clients, people.docName);
      current = await startProcess(port);
      await waitFor(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), "clients to reconnect", 20_000);
    }

    await waitFor(() => new Set(clients.map((c) => c.text())).size === 1, "clients to converge", 20_000);
    const finalText = clients[0]?.text();
    await waitFor(async () => (await storedState(people.docName)).getText("t").toString() === finalText, "storage to catch up", 20_000);
    for (const client of clients) client.destroy();
    current.kill("SIGTERM");
    await new Promise((resolve) => current.once("exit", resolve));
  }, 120_000);

  it("on SIGTERM under edits, stores everything it accepted and exits within a bounded time", async () => {
    const people = await tableWithPeople(t.db);
    const port = await freePort();
    const first = await startProcess(port);
    const clients: Client[] = [people.facilitator, people.delegate].map((p) => connect(port, people.docName, p));
    await Promise.all(clients.map(synced));
    const stop = keepTyping(clients);
    await waitFor(() => clients.every((c) => c.text().length > 100), "edits to flow");
    const exited = new Promise<number | null>((resolve) => first.once("exit", (code) => resolve(code)));
    const signalledAt = Date.now();
    process.kill(await serverPid(port), "SIGTERM");
    const code = await exited;
    stop();
    // Exit is bounded by the server's own deadline (10 s) plus the process's (5 s more).
    expect(Date.now() - signalledAt).toBeLessThan(15_000);
    expect(code).toBe(0);
    await expectStoredWhatOthersSaw(clients, people.docName);

    const second = await startProcess(port);
    await waitFor(
      () => new Set(clients.map((c) => c.text())).size === 1 && clients.every((c) => c.provider.synced),
      "clients to converge",
      20_000,
    );
    await waitFor(
      async () => (await storedState(people.docName)).getText("t").toString() === clients[0]?.text(),
      "storage to catch up",
      20_000,
    );
    for (const client of clients) client.destroy();
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));
  }, 60_000);
});
