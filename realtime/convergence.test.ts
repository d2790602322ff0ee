// Randomized convergence: seeded inserts, deletes and formatting from several clients, with
// clients dropping off and coming back and the server restarting in between. In the end every
// client and the stored document hold the same rich text. fast-check prints the seed and the
// shortest failing sequence when this fails, so a failure can be replayed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadStoredDoc } from "../features/docs/store.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import type { RealtimeServer } from "./server.ts";
import { type Client, connect, startServer, synced, tableWithPeople, waitFor } from "./test-support.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const CLIENTS = 3;
const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const at = fc.double({ min: 0, max: 1, noNaN: true });
const operation = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("insert" as const), client, at, text: fc.string({ minLength: 1, maxLength: 6 }) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), client, at, length: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("format" as const), client, at, length: fc.integer({ min: 1, max: 5 }), bold: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("disconnect" as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reconnect" as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restart" as const) }) },
);

function apply(doc: Y.Doc, op: { kind: "insert" | "delete" | "format"; at: number; text?: string; length?: number; bold?: boolean }) {
  const text = doc.getText("t");
  const index = Math.floor(op.at * (text.length + (op.kind === "insert" ? 1 : 0)));
  if (op.kind === "insert") text.insert(index, op.text as string);
  else if (op.kind === "delete" && text.length > 0)
    text.delete(Math.min(index, text.length - 1), Math.min(op.length as number, text.length - index));
  else if (op.kind === "format" && text.length > 0)
    text.format(Math.min(index, text.length - 1), op.length as number, { bold: op.bold ? true : null });
}

const deltaOf = (doc: Y.Doc) => JSON.stringify(doc.getText("t").toDelta());

describe("randomized convergence", () => {
  it("every client and the stored document converge after random edits, disconnects and restarts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 10, maxLength: 40 }), async (operations) => {
        const people = await tableWithPeople(t.db);
        let server: RealtimeServer = await startServer(t.db);
        const port = server.port;
        const persons = [people.facilitator, people.delegate, people.facilitator];
        const clients: Client[] = persons.map((p) => connect(port, people.docName, p, { maxBackoffTime: 200 }));
        try {
          await Promise.all(clients.map(synced));
          for (const op of operations) {
            if (op.kind === "restart") {
              await server.close();
              server = await startServer(t.db, { port });
            } else if (op.kind === "disconnect") clients[op.client]?.provider.disconnect();
            else if (op.kind === "reconnect") clients[op.client]?.provider.connect();
            else apply((clients[op.client] as Client).doc, op);
          }
          for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
          await waitFor(() => clients.every((c) => c.provider.synced && c.provider.wsconnected), "clients to reconnect", 20_000);
          await waitFor(() => new Set(clients.map((c) => deltaOf(c.doc))).size === 1, "clients to converge", 20_000);
          const expected = deltaOf((clients[0] as Client).doc);
          await waitFor(
            async () => {
              const stored = new Y.Doc();
              for (const update of (await loadStoredDoc(t.db, people.docName)).updates) Y.applyUpdate(stored, update);
              return deltaOf(stored) === expected;
            },
            "storage to hold the converged text",
            20_000,
          );
          expect(new Set(clients.map((c) => deltaOf(c.doc))).size).toBe(1);
        } finally {
          for (const c of clients) c.destroy();
          await server.close();
        }
      }),
      { numRuns: 5, seed: Number(process.env.TAFEL_FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 90_000);
});
