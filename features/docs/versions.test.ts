import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable } from "../../test/fact-table.ts";
import { makeAccount } from "../../test/factories.ts";
import { activityOf } from "../tables/activity.ts";
import { changeTableStatus } from "../tables/details.ts";
import { docName } from "./names.ts";
import { contentUpdate, paragraphs } from "./seed.ts";
import { appendUpdate, compactDoc } from "./store.ts";
import { compareVersions, freezeVersion, listVersions, readVersion, sha256, storedState, wordDiff } from "./versions.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
const day = new Date("2026-06-01T10:00:00Z");

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
});
afterAll(async () => {
  await t.close();
});

const problem = () => ({ kind: "problem" as const, tableId: at.tableId });
const write = async (texts: string[]) =>
  appendUpdate(t.db, docName(problem()), contentUpdate(await storedState(t.db, docName(problem())), paragraphs(texts)));

describe("frozen versions of the problem statement", () => {
  it("refuses to freeze an empty statement", async () => {
    await expect(freezeVersion(t.db, at.chair, problem(), day)).rejects.toMatchObject({ code: "VERSION_EMPTY" });
  });

  it("freezes what is stored, numbered, with text, HTML and the hash of the state", async () => {
    await write(["Thuiswerk is verboden.", "Voor wie is dat een probleem?"]);
    const first = await freezeVersion(t.db, at.delegates.rll, problem(), day);
    expect(first.number).toBe(1);
    const version = await readVersion(t.db, at.observer, problem(), 1);
    expect(version.text).toBe("Thuiswerk is verboden.\nVoor wie is dat een probleem?");
    expect(version.html).toBe("<p>Thuiswerk is verboden.</p><p>Voor wie is dat een probleem?</p>");
    const state = await storedState(t.db, docName(problem()));
    expect(version.sha256).toBe(sha256(state));
  });

  it("refuses a version identical to the last, and numbers the next after a change (also after compaction)", async () => {
    await expect(freezeVersion(t.db, at.chair, problem(), day)).rejects.toMatchObject({
      code: "VERSION_UNCHANGED",
      details: { number: 1 },
    });
    await write(["Thuiswerk is verboden in de APV.", "Voor wie is dat een probleem?"]);
    await compactDoc(t.db, docName(problem()));
    const second = await freezeVersion(t.db, at.secretary, problem(), day);
    expect(second.number).toBe(2);
    expect((await listVersions(t.db, at.observer, problem())).map((v) => v.number)).toEqual([2, 1]);
    // Version 1 still reads as it was frozen.
    expect((await readVersion(t.db, at.observer, problem(), 1)).text).toBe("Thuiswerk is verboden.\nVoor wie is dat een probleem?");
  });

  it("lets only members with drafting rights freeze", async () => {
    await write(["Nog een zin."]);
    await expect(freezeVersion(t.db, at.observer, problem(), day)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await makeAccount(t.db);
    await expect(freezeVersion(t.db, stranger.id, problem(), day)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readVersion(t.db, stranger.id, problem(), 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never changes or deletes a frozen version, not even by a direct query", async () => {
    await expect(t.db.$executeRawUnsafe(`UPDATE "DocVersion" SET text = 'anders' WHERE "tableId" = '${at.tableId}'`)).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "DocVersion" WHERE "tableId" = '${at.tableId}'`)).rejects.toThrow(/immutable/);
    expect((await readVersion(t.db, at.observer, problem(), 1)).text).toContain("Thuiswerk is verboden.");
  });

  it("compares two versions word by word", async () => {
    const { parts } = await compareVersions(t.db, at.observer, problem(), 1, 2);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["in de APV"]);
    expect(parts.filter((p) => p.kind === "removed")).toEqual([]);
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("Thuiswerk is verboden.\nVoor wie is dat een probleem?");
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("Thuiswerk is verboden in de APV.\nVoor wie is dat een probleem?");
    expect(wordDiff("een twee drie", "een vier drie")).toEqual([
      { kind: "same", text: "een " },
      { kind: "removed", text: "twee" },
      { kind: "added", text: "vier" },
      { kind: "same", text: " drie" },
    ]);
  });

  it("names the freezing in the activity log", async () => {
    const log = await activityOf(t.db, at.observer, at.tableId);
    const frozen = log.filter((e) => e.action === "doc.version_frozen");
    expect(frozen.map((e) => e.detail.version)).toEqual([2, 1]);
    // The secretary froze version 2 under their pseudonym; a delegate froze version 1 for the party.
    expect(frozen[0]?.actor).toEqual(expect.any(String));
    expect(frozen[1]).toMatchObject({ actor: null, spokenAs: { kind: "party", name: "Stichting Rode Lantaarn" } });
  });

  it("stops freezing once the table is closed", async () => {
    await changeTableStatus(t.db, at.facilitator, at.tableId, "closed");
    await expect(freezeVersion(t.db, at.chair, problem(), day)).rejects.toMatchObject({ code: "TABLE_CLOSED" });
    await changeTableStatus(t.db, at.facilitator, at.tableId, "active");
  });
});
