// The problem statement and the parties' perspectives through the real realtime server: drafting
// live while a version is frozen, and each perspective written only by its own party.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docName } from "../features/docs/names.ts";
import { renderDocState } from "../features/docs/render.ts";
import { NOTES_FIELD } from "../features/docs/schema.ts";
import { freezeVersion, readVersion, sha256, storedState } from "../features/docs/versions.ts";
import { type TestDatabase, testDatabase } from "../test/database.ts";
import { makeFactTable } from "../test/fact-table.ts";
import { MESSAGE_AUTH } from "./protocol.ts";
import type { RealtimeServer } from "./server.ts";
import { type Client, connect, signedIn, storedRows, synced, waitFor } from "./test-support.ts";

let t: TestDatabase;
let server: RealtimeServer;
let at: Awaited<ReturnType<typeof makeFactTable>>;
beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
  server = await (await import("./test-support.ts")).startServer(t.db);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

/** The text of the document's one paragraph, as the editor binds it. */
function paragraph(client: Client): Y.XmlText {
  const fragment = client.doc.getXmlFragment(NOTES_FIELD);
  if (fragment.length === 0) {
    const element = new Y.XmlElement("paragraph");
    element.insert(0, [new Y.XmlText()]);
    fragment.insert(0, [element]);
  }
  return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}
const type = (client: Client, text: string) => {
  const target = paragraph(client);
  target.insert(target.length, text);
};
/** Resolves when the server answers this client with permission denied (a dropped write). */
function denied(client: Client): Promise<void> {
  const ws = client.provider.ws;
  if (!ws) throw new Error("not connected");
  return new Promise((resolve) => {
    ws.addEventListener("message", (event: MessageEvent) => {
      if (new Uint8Array(event.data as ArrayBuffer)[0] === MESSAGE_AUTH) resolve();
    });
  });
}
const textOf = (client: Client) => renderDocState(Y.encodeStateAsUpdate(client.doc)).text;

describe("the shared problem statement", () => {
  it("freezes exactly the stored state while two members type; later typing reaches only the next version", async () => {
    const name = docName({ kind: "problem", tableId: at.tableId });
    const a = connect(server.port, name, await signedIn(t.db, at.delegates.rll));
    const b = connect(server.port, name, await signedIn(t.db, at.delegates.bewoners));
    await Promise.all([synced(a), synced(b)]);
    type(a, "Thuiswerk is verboden.");
    await waitFor(() => textOf(b) === "Thuiswerk is verboden.", "b to see a's words");
    type(b, " Voor wie?");
    await waitFor(() => textOf(a) === "Thuiswerk is verboden. Voor wie?", "a to see b's words");

    // What b has received was stored before it was relayed: the frozen version holds at least that.
    const seenByB = textOf(b);
    // a keeps typing while the chair, a third person, freezes.
    const typing = (async () => {
      for (const word of [" Een", " twee", " drie", " vier"]) {
        type(a, word);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const first = await freezeVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId });
    const stateAfterFreeze = await storedState(t.db, name);
    await typing;
    const v1 = await readVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId }, first.number);
    const frozen = await t.db.docVersion.findUniqueOrThrow({ where: { id: first.id }, select: { state: true } });
    // The stored bytes, their hash and their text agree, and hold everything anyone had seen.
    expect(sha256(frozen.state)).toBe(v1.sha256);
    expect(renderDocState(frozen.state).text).toBe(v1.text);
    expect(v1.text.startsWith(seenByB)).toBe(true);
    // Nothing in the version that storage did not have.
    const storedNow = renderDocState(stateAfterFreeze).text;
    expect(storedNow.startsWith(v1.text)).toBe(true);

    await waitFor(() => textOf(b).endsWith(" vier"), "b to see the rest");
    type(b, " Later.");
    await waitFor(() => textOf(a).endsWith(" Later."), "a to see the later words");
    await waitFor(async () => renderDocState(await storedState(t.db, name)).text.endsWith(" Later."), "the later words to be stored");
    expect((await readVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId }, 1)).text).toBe(v1.text);
    expect(v1.text).not.toContain("Later.");
    const second = await freezeVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId });
    const v2 = await readVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId }, second.number);
    expect(v2.text).toBe("Thuiswerk is verboden. Voor wie? Een twee drie vier Later.");
    a.destroy();
    b.destroy();
  });

  it("lets an observer read the statement but stores none of its writes", async () => {
    const name = docName({ kind: "problem", tableId: at.tableId });
    const observer = connect(server.port, name, await signedIn(t.db, at.observer));
    await synced(observer);
    const before = await storedRows(t.db, name);
    const refusal = denied(observer);
    type(observer, " ingebroken");
    await refusal;
    expect(await storedRows(t.db, name)).toBe(before);
    observer.destroy();
  });
});

describe("a party's perspective", () => {
  it("is written by that party's delegate and read, never written, by another party's", async () => {
    const name = docName({ kind: "perspective", tableId: at.tableId, partyId: at.parties.rll });
    const own = connect(server.port, name, await signedIn(t.db, at.delegates.rll));
    const other = connect(server.port, name, await signedIn(t.db, at.delegates.ggd));
    await Promise.all([synced(own), synced(other)]);
    type(own, "Het verbod is het probleem.");
    await waitFor(() => textOf(other) === "Het verbod is het probleem.", "the other party to read along");
    await waitFor(async () => (await storedRows(t.db, name)) === 1, "the party's words to be stored");
    const refusal = denied(other);
    type(other, " Nee.");
    await refusal;
    // The write is refused: the owner never receives it and storage keeps one row.
    const late = connect(server.port, name, await signedIn(t.db, at.delegates.rll));
    await synced(late);
    expect(textOf(late)).toBe("Het verbod is het probleem.");
    expect(await storedRows(t.db, name)).toBe(1);
    expect(textOf(own)).toBe("Het verbod is het probleem.");
    for (const client of [own, other, late]) client.destroy();
  });
});
