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
afterAll(async () => {
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
    env: { ...process.env, DATABASE_URL: t.url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: ORIGIN, REALTIME_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
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

describe("crash durability", () => {
  it("after kill -9, every update a client had received from another is stored, and clients converge after the restart", async () => {
    const people = await tableWithPeople(t.db);
    const port = await freePort();
    const first = await startProcess(port);
    const clients: Client[] = [people.facilitator, people.delegate, people.facilitator].map((p) => connect(port, people.docName, p));
    await Promise.all(clients.map(synced));

    const timers = clients.map((client, index) =>
      setInterval(() => {
        const text = client.doc.getText("t");
        text.insert(text.length, String.fromCharCode(97 + index));
      }, 4),
    );
    // Let edits flow until each client has seen plenty from the others.
    await waitFor(() => clients.every((c) => c.text().length > 150), "edits to flow");
    // tsx runs the server in a child process: kill the one the health endpoint names.
    const { pid } = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { pid: number };
    process.kill(pid, "SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    for (const timer of timers) clearInterval(timer);

    // What each client holds from the *other* clients must be in the database.
    const stored = Y.decodeStateVector(Y.encodeStateVector(await storedState(people.docName)));
    let checked = 0;
    for (const client of clients) {
      const seen = Y.decodeStateVector(Y.encodeStateVector(client.doc));
      for (const [clientId, clock] of seen) {
        if (clientId === client.doc.clientID) continue;
        expect(stored.get(clientId) ?? 0).toBeGreaterThanOrEqual(clock);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(clients.length * (clients.length - 1));

    const second = await startProcess(port);
    await waitFor(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), "clients to reconnect", 20_000);
    await waitFor(() => new Set(clients.map((c) => c.text())).size === 1, "clients to converge", 20_000);
    const finalText = clients[0]?.text();
    await waitFor(async () => (await storedState(people.docName)).getText("t").toString() === finalText, "storage to catch up", 20_000);
    for (const client of clients) client.destroy();
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));
  }, 90_000);
});
