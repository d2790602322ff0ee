// A breach of a commitment: the chair marks it with a note, the record says who marked it and when,
// and the party concerned answers through its own delegates, beside the note and never editing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { activityOf } from "./activity.ts";
import { appointChair } from "./chair.ts";
import { listCommitments, markCommitmentBreached, recordCommitment, respondToBreach } from "./commitments.ts";
import { tableOverview } from "./overview.ts";
import { addParty } from "./parties.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-06-01T10:00:00Z");

/** A table with a chair, two parties and a delegate of each; the police committed and broke it. */
async function breachedTable() {
  const table = await makeTable(t.db, ["observer", "delegate", "delegate"]);
  const [chairMember, policeDelegate, rllDelegate] = table.members;
  if (!chairMember || !policeDelegate || !rllDelegate) throw new Error("members missing");
  const f = table.facilitator.accountId;
  const police = await addParty(t.db, f, table.tableId, { type: "police", name: "Politie Lindendam" }, now);
  const rll = await addParty(t.db, f, table.tableId, { type: "sex_worker_organisation", name: "Rode Lantaarn" }, now);
  await t.db.membership.update({ where: { id: policeDelegate.membershipId }, data: { partyId: police.id } });
  await t.db.membership.update({ where: { id: rllDelegate.membershipId }, data: { partyId: rll.id } });
  await t.db.account.update({ where: { id: chairMember.accountId }, data: { pseudonym: "Voorzitter Lotte" } });
  await t.db.account.update({ where: { id: policeDelegate.accountId }, data: { pseudonym: "Agent Pieter" } });
  await appointChair(t.db, f, table.tableId, { membershipId: chairMember.membershipId, holdsPoliticalOffice: false }, now);
  const commitment = await recordCommitment(t.db, f, table.tableId, { partyId: police.id, kind: "decisions_here" }, now);
  await recordCommitment(t.db, f, table.tableId, { partyId: rll.id, kind: "decisions_here" }, now);
  await markCommitmentBreached(
    t.db,
    chairMember.accountId,
    table.tableId,
    { commitmentId: commitment.id, note: "Het besluit over thuiswerk is in de driehoek genomen." },
    now,
  );
  return { ...table, chair: chairMember, policeDelegate, rllDelegate, police, rll, commitmentId: commitment.id };
}

describe("a breach of a commitment", () => {
  it("shows who marked it and when, and the log shows the party, the note and the chair who marked it", async () => {
    const table = await breachedTable();
    const [breached] = (await listCommitments(t.db, table.tableId)).filter((c) => c.status === "breached");
    expect(breached?.breach).toEqual({
      note: "Het besluit over thuiswerk is in de driehoek genomen.",
      at: now,
      by: { kind: "person", pseudonym: "Voorzitter Lotte" },
    });
    const log = await activityOf(t.db, table.rllDelegate.accountId, table.tableId);
    expect(log.find((e) => e.action === "commitment.breached")).toMatchObject({
      actor: "Voorzitter Lotte",
      spokenAs: null,
      detail: { party: "Politie Lindendam", note: "Het besluit over thuiswerk is in de driehoek genomen." },
    });
  });

  it("names the party whose commitment was breached in 'no forum-hopping'", async () => {
    const table = await breachedTable();
    const overview = await tableOverview(t.db, table.facilitator.accountId, table.tableId, now);
    expect(overview.characteristics.find((a) => a.characteristic === "no_forum_hopping")).toMatchObject({
      state: "not_met",
      reason: "commitmentBreached",
      parties: ["Politie Lindendam"],
    });
  });

  it("is answered by the party's own delegate, as its own record beside the chair's note, which stays as it was", async () => {
    const table = await breachedTable();
    await respondToBreach(
      t.db,
      table.policeDelegate.accountId,
      table.tableId,
      { commitmentId: table.commitmentId, text: "Dat was een spoedbesluit; we brengen het vervolg hier." },
      now,
    );
    await respondToBreach(
      t.db,
      table.policeDelegate.accountId,
      table.tableId,
      { commitmentId: table.commitmentId, text: "Aanvulling van mij persoonlijk.", attribution: "person" },
      new Date(now.getTime() + 60_000),
    );
    const [breached] = (await listCommitments(t.db, table.tableId)).filter((c) => c.status === "breached");
    expect(breached?.breachNote).toBe("Het besluit over thuiswerk is in de driehoek genomen.");
    expect(breached?.responses.map((r) => [r.text, r.by])).toEqual([
      ["Dat was een spoedbesluit; we brengen het vervolg hier.", { kind: "party", name: "Politie Lindendam" }],
      ["Aanvulling van mij persoonlijk.", { kind: "person", pseudonym: "Agent Pieter" }],
    ]);
    const stored = await t.db.commitmentResponse.findMany({ where: { commitmentId: table.commitmentId }, orderBy: { createdAt: "asc" } });
    expect(stored.map((r) => [r.partyId, r.respondedBy])).toEqual([
      [table.police.id, table.policeDelegate.membershipId],
      [table.police.id, table.policeDelegate.membershipId],
    ]);
    // The log names the party for the reply given as the organisation, and the person only when they chose to be named.
    const log = (await activityOf(t.db, table.rllDelegate.accountId, table.tableId)).filter((e) => e.action === "commitment.responded");
    expect(log.map((e) => [e.actor, e.spokenAs])).toEqual([
      ["Agent Pieter", null],
      [null, { kind: "party", name: "Politie Lindendam" }],
    ]);
  });

  it("cannot be answered by anyone else, nor before it is marked, nor without text; a refusal records nothing", async () => {
    const table = await breachedTable();
    const outsider = await makeAccount(t.db);
    const answer = (accountId: string, commitmentId = table.commitmentId, text = "Wij zien dat anders.") =>
      respondToBreach(t.db, accountId, table.tableId, { commitmentId, text }, now).then(
        () => "ok",
        (error: { code?: string }) => error.code,
      );
    expect(await answer(table.rllDelegate.accountId)).toBe("FORBIDDEN");
    expect(await answer(table.chair.accountId)).toBe("FORBIDDEN");
    expect(await answer(table.facilitator.accountId)).toBe("FORBIDDEN");
    expect(await answer(outsider.id)).toBe("NOT_FOUND");
    expect(await answer(table.policeDelegate.accountId, table.commitmentId, "x")).toBe("BREACH_RESPONSE_REQUIRED");
    const kept = (await listCommitments(t.db, table.tableId)).find((c) => c.partyId === table.rll.id);
    expect(await answer(table.rllDelegate.accountId, kept?.id)).toBe("COMMITMENT_NOT_BREACHED");
    expect(await t.db.commitmentResponse.count({ where: { tableId: table.tableId } })).toBe(0);
  });
});
