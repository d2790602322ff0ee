// Two realtime nodes sharing Redis, with PostgreSQL as the store: people on different nodes
// co-edit and see each other's presence, and when one node is killed the other keeps serving
// with nothing lost. Only on PostgreSQL: two nodes on the embedded database would share its one
// session, which is not a setup Tafel supports.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { loadStoredDoc } from "../features/docs/store.ts";
import { setPresence } from "../features/identity/accounts.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { startRedis } from "../test/redis.ts";
import { redisFanout } from "./fanout.ts";
import { type Client, connect, ORIGIN, SECRET, startServer, synced, tableWithPeople, waitFor } from "./test-support.ts";

const onPostgres = Boolean(inject("pgTemplate"));

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

async function startNode(port: number, redisUrl: string): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/tsx", ["realtime/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      REDIS_URL: redisUrl,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: ORIGIN,
      REALTIME_PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => String(chunk).includes("realtime listening") && resolve());
    child.on("exit", (code) => reject(new Error(`realtime exited with ${code}`)));
  });
  return child;
}

async function storedState(docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await loadStoredDoc(t.db, docName)).updates) Y.applyUpdate(doc, update);
  return doc;
}

describe("scale-out over Redis", () => {
  it("two nodes serve one document together, and one keeps serving with nothing lost when the other is killed", async () => {
    if (!onPostgres) {
      console.log("scale-out: not applicable on the embedded database (one shared Postgres session); this test runs on PostgreSQL");
      expect(inject("pgliteDump")).not.toBe("");
      return;
    }
    const redis = await startRedis();
    const people = await tableWithPeople(t.db);
    await setPresence(t.db, people.facilitator.accountId, true);
    await setPresence(t.db, people.delegate.accountId, true);
    const nodeA = await startServer(t.db, { fanout: redisFanout(redis.url, () => {}) });
    const portB = await freePort();
    const nodeB = await startNode(portB, redis.url);
    const onA = connect(nodeA.port, people.docName, people.facilitator, { maxBackoffTime: 300 });
    const onB = connect(portB, people.docName, people.delegate, { maxBackoffTime: 300 });
    const clients: Client[] = [onA, onB];
    try {
      await Promise.all(clients.map(synced));
      onA.doc.getText("t").insert(0, "van A. ");
      onB.doc.getText("t").insert(0, "van B. ");
      await waitFor(
        () => onA.text() === onB.text() && onA.text().includes("van A") && onA.text().includes("van B"),
        "co-editing across nodes",
      );

      // Presence crosses nodes too, under the name the server knows.
      onB.provider.awareness.setLocalState({ user: { name: "verzonnen", color: "#00aa00" } });
      await waitFor(
        () => [...onA.provider.awareness.getStates().values()].some((s) => (s.user as { color?: string })?.color === "#00aa00"),
        "presence from the other node",
      );
      const delegate = await t.db.account.findUniqueOrThrow({ where: { id: people.delegate.accountId } });
      const seen = [...onA.provider.awareness.getStates().values()].find((s) => (s.user as { color?: string })?.color === "#00aa00");
      expect((seen?.user as { name?: string } | undefined)?.name).toBe(delegate.pseudonym);

      // Both keep typing while node B dies.
      const timers = clients.map((client, i) =>
        setInterval(() => {
          const text = client.doc.getText("t");
          text.insert(text.length, i === 0 ? "a" : "b");
        }, 5),
      );
      await waitFor(() => onA.text().split("b").length > 60 && onB.text().split("a").length > 60, "edits to flow across nodes");
      const { pid } = (await (await fetch(`http://127.0.0.1:${portB}/health`)).json()) as { pid: number };
      process.kill(pid, "SIGKILL");
      await new Promise((resolve) => nodeB.once("exit", resolve));
      for (const timer of timers) clearInterval(timer);

      // Everything the survivor's client had from the other node's client is stored.
      const stored = Y.decodeStateVector(Y.encodeStateVector(await storedState(people.docName)));
      const fromB = Y.decodeStateVector(Y.encodeStateVector(onA.doc)).get(onB.doc.clientID) ?? 0;
      expect(fromB).toBeGreaterThan(0);
      expect(stored.get(onB.doc.clientID) ?? 0).toBeGreaterThanOrEqual(fromB);

      // The balancer now sends B's people to A; A kept serving throughout.
      onB.provider.serverUrl = `ws://127.0.0.1:${nodeA.port}`;
      await waitFor(() => onB.provider.wsconnected && onB.provider.synced, "the moved client to reconnect", 20_000);
      await waitFor(() => onA.text() === onB.text(), "convergence on the surviving node", 20_000);
      await waitFor(
        async () => (await storedState(people.docName)).getText("t").toString() === onA.text(),
        "storage to hold it all",
        20_000,
      );
    } finally {
      for (const client of clients) client.destroy();
      await nodeA.close();
      if (nodeB.exitCode === null && nodeB.signalCode === null) {
        // tsx runs the server in a child process: stop it through its own signal handling.
        nodeB.kill("SIGTERM");
        await new Promise((resolve) => nodeB.once("exit", resolve));
      }
      await redis.stop();
    }
  }, 60_000);
});
