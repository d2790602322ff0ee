import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecisionRule } from "../../generated/prisma/enums.ts";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable } from "../../test/fact-table.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { docName } from "../docs/names.ts";
import { contentUpdate, paragraphs } from "../docs/seed.ts";
import { appendUpdate } from "../docs/store.ts";
import { freezeVersion, storedState } from "../docs/versions.ts";
import { activityOf } from "../tables/activity.ts";
import { addParty } from "../tables/parties.ts";
import { answerRound, closeRound, openRound, roundsOf } from "./rounds.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
const day = new Date("2026-06-01T10:00:00Z");
const later = (minutes: number) => new Date(day.getTime() + minutes * 60_000);
// A week later at 17:00 in Amsterdam (15:00 UTC in summer).
const DEADLINE = "2026-06-08T17:00";
const deadlineAt = new Date("2026-06-08T15:00:00Z");

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
});
afterAll(async () => {
  await t.close();
});

let edition = 0;
/** A new version of the statement, and a round on it under the given rule. */
async function newRound(rule: DecisionRule = "all_or_most", tableId = at.tableId, chair = at.chair) {
  edition += 1;
  const name = docName({ kind: "problem", tableId });
  await appendUpdate(t.db, name, contentUpdate(await storedState(t.db, name), paragraphs([`Probleemstelling, versie ${edition}.`])));
  await t.db.table.update({ where: { id: tableId }, data: { decisionRule: rule } });
  const version = await freezeVersion(t.db, chair, { kind: "problem", tableId }, day);
  const round = await openRound(t.db, chair, tableId, { versionId: version.id, deadline: DEADLINE }, day);
  return { versionId: version.id, roundId: round.id };
}

const answer = (who: string, roundId: string, value: string, reason = "", now = later(5)) =>
  answerRound(t.db, who, at.tableId, roundId, { answer: value, reason }, now);
const viewOf = async (roundId: string, now = later(10)) => {
  const rounds = await roundsOf(t.db, at.observer, at.tableId, docName({ kind: "problem", tableId: at.tableId }), now);
  const round = rounds.find((r) => r.id === roundId);
  if (!round) throw new Error("round not listed");
  return round;
};

describe("endorsement rounds", () => {
  it("counts the parties with a delegate when the round opens, and evaluates all or most at close", async () => {
    const { roundId } = await newRound("all_or_most");
    const open = await viewOf(roundId);
    expect(open.parties.map((p) => p.name)).toEqual(["Stichting Rode Lantaarn", "Bewonersvereniging Oude Haven", "GGD Regio"]);
    expect(open).toMatchObject({ open: true, rule: "all_or_most", deadline: deadlineAt });
    await answer(at.delegates.rll, roundId, "support");
    await answer(at.delegates.bewoners, roundId, "support_with_reservations", "Alleen als overlast ook genoemd wordt.");
    // Two of three: 3 × 2 ≥ 2 × 3.
    const result = await closeRound(t.db, at.chair, at.tableId, roundId, later(20));
    expect(result).toMatchObject({ passed: true, counted: 3, supporting: 2, tally: { no_answer: 1 } });
    const closed = await viewOf(roundId, later(30));
    expect(closed.open).toBe(false);
    expect(closed.closedAtDeadline).toBe(false);
    expect(closed.parties.map((p) => [p.name, p.answer])).toEqual([
      ["Stichting Rode Lantaarn", "support"],
      ["Bewonersvereniging Oude Haven", "support_with_reservations"],
      ["GGD Regio", null],
    ]);
    expect(closed.result).toMatchObject({ passed: true, rule: "all_or_most" });
  });

  it("keeps every answer as history and counts the party's latest, until the round closes", async () => {
    const { roundId } = await newRound("all_or_most");
    await answer(at.delegates.rll, roundId, "support", "", later(1));
    await answer(at.delegates.rll, roundId, "cannot_support", "Het woord 'slachtoffers' klopt niet voor thuiswerkers.", later(2));
    await answer(at.delegates.bewoners, roundId, "support", "", later(3));
    await answer(at.delegates.ggd, roundId, "support", "", later(3));
    const result = await closeRound(t.db, at.facilitator, at.tableId, roundId, later(4));
    // Two of three still pass all-or-most, but the sex worker party's objection is the headline.
    expect(result).toMatchObject({ passed: true, supporting: 2, sexWorkerObjection: true });
    expect(result.objections).toEqual([
      expect.objectContaining({ reason: "Het woord 'slachtoffers' klopt niet voor thuiswerkers.", sexWorkerParty: true }),
    ]);
    const view = await viewOf(roundId);
    const rll = view.parties.find((p) => p.partyId === at.parties.rll);
    expect(rll?.answer).toBe("cannot_support");
    expect(rll?.history.map((h) => h.answer)).toEqual(["support", "cannot_support"]);
    await expect(answer(at.delegates.rll, roundId, "support", "", later(6))).rejects.toMatchObject({ code: "ROUND_CLOSED" });
    await expect(closeRound(t.db, at.chair, at.tableId, roundId, later(6))).rejects.toMatchObject({ code: "ROUND_CLOSED" });
  });

  it("applies consent: an objection blocks, standing aside and no answer do not", async () => {
    const passing = await newRound("consent");
    await answer(at.delegates.rll, passing.roundId, "support");
    await answer(at.delegates.bewoners, passing.roundId, "stand_aside", "Wij wachten de cijfers af.");
    expect(await closeRound(t.db, at.chair, at.tableId, passing.roundId, later(10))).toMatchObject({
      passed: true,
      tally: { stand_aside: 1, no_answer: 1 },
    });

    const blocked = await newRound("consent");
    await answer(at.delegates.rll, blocked.roundId, "support");
    await answer(at.delegates.ggd, blocked.roundId, "support");
    await answer(at.delegates.bewoners, blocked.roundId, "cannot_support", "Overlast ontbreekt helemaal.");
    expect(await closeRound(t.db, at.chair, at.tableId, blocked.roundId, later(10))).toMatchObject({
      passed: false,
      sexWorkerObjection: false,
    });
  });

  it("applies unanimity, and keeps the rule the round opened with", async () => {
    const { roundId } = await newRound("unanimity");
    // Changing the table's rule later does not change this round's.
    await t.db.table.update({ where: { id: at.tableId }, data: { decisionRule: "consent" } });
    for (const delegate of [at.delegates.rll, at.delegates.bewoners]) await answer(delegate, roundId, "support");
    await answer(at.delegates.ggd, roundId, "stand_aside", "Geen rol voor de GGD hierin.");
    expect(await closeRound(t.db, at.chair, at.tableId, roundId, later(10))).toMatchObject({
      rule: "unanimity",
      passed: false,
      supporting: 2,
    });

    const all = await newRound("unanimity");
    for (const delegate of Object.values(at.delegates)) await answer(delegate, all.roundId, "support");
    expect(await closeRound(t.db, at.chair, at.tableId, all.roundId, later(10))).toMatchObject({ passed: true, supporting: 3 });
  });

  it("closes at the deadline when next read, counting only answers given before it", async () => {
    const { roundId } = await newRound("all_or_most");
    await answer(at.delegates.rll, roundId, "support");
    const afterDeadline = new Date(deadlineAt.getTime() + 60_000);
    await expect(answer(at.delegates.bewoners, roundId, "support", "", afterDeadline)).rejects.toMatchObject({ code: "ROUND_CLOSED" });
    const view = await viewOf(roundId, afterDeadline);
    expect(view).toMatchObject({ open: false, closedAtDeadline: true, closedAt: deadlineAt });
    expect(view.result).toMatchObject({ passed: false, supporting: 1, tally: { no_answer: 2 } });
    const closings = (await activityOf(t.db, at.observer, at.tableId)).filter((e) => e.action === "round.closed");
    expect(closings[0]?.detail).toMatchObject({ atDeadline: true, passed: false });
  });

  it("lets only a party's own delegate answer, and only for that party", async () => {
    const { roundId } = await newRound("all_or_most");
    for (const who of [at.chair, at.facilitator])
      await expect(answer(who, roundId, "support")).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const who of [at.secretary, at.observer])
      await expect(answer(who, roundId, "support")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await makeAccount(t.db);
    await expect(answer(stranger.id, roundId, "support")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A party named in the input is ignored: the GGD's delegate answers for the GGD.
    await answerRound(t.db, at.delegates.ggd, at.tableId, roundId, { answer: "support", partyId: at.parties.rll } as never, later(5));
    const view = await viewOf(roundId);
    expect(view.parties.find((p) => p.partyId === at.parties.rll)?.answer).toBeNull();
    expect(view.parties.find((p) => p.partyId === at.parties.ggd)?.answer).toBe("support");
    const log = (await activityOf(t.db, at.observer, at.tableId)).find((e) => e.action === "round.answered");
    expect(log).toMatchObject({ actor: null, spokenAs: { kind: "party", name: "GGD Regio" }, detail: { roundAnswer: "support" } });
    await closeRound(t.db, at.chair, at.tableId, roundId, later(10));
  });

  it("refuses a reservation, standing aside or an objection without a reason, and unknown answers", async () => {
    const { roundId } = await newRound("all_or_most");
    await expect(answer(at.delegates.rll, roundId, "cannot_support", "")).rejects.toMatchObject({
      code: "ROUND_REASON_REQUIRED",
      details: { field: "reason" },
    });
    await expect(answer(at.delegates.rll, roundId, "veto")).rejects.toMatchObject({ code: "ROUND_ANSWER_INVALID" });
    expect((await viewOf(roundId)).parties.every((p) => p.history.length === 0)).toBe(true);
    await closeRound(t.db, at.chair, at.tableId, roundId, later(10));
  });

  it("starts a new round only on the latest version, one round per version and one open at a time", async () => {
    const first = await newRound("all_or_most");
    await expect(openRound(t.db, at.chair, at.tableId, { versionId: first.versionId, deadline: DEADLINE }, day)).rejects.toMatchObject({
      code: "ROUND_EXISTS_FOR_VERSION",
    });
    const name = docName({ kind: "problem", tableId: at.tableId });
    await appendUpdate(t.db, name, contentUpdate(await storedState(t.db, name), paragraphs(["Nog een versie."])));
    const next = await freezeVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId }, day);
    await expect(openRound(t.db, at.chair, at.tableId, { versionId: next.id, deadline: DEADLINE }, day)).rejects.toMatchObject({
      code: "ROUND_ALREADY_OPEN",
    });
    await closeRound(t.db, at.chair, at.tableId, first.roundId, later(1));
    await expect(openRound(t.db, at.chair, at.tableId, { versionId: next.id, deadline: "2026-05-01T12:00" }, day)).rejects.toMatchObject({
      code: "ROUND_DEADLINE_INVALID",
    });
    await expect(openRound(t.db, at.delegates.rll, at.tableId, { versionId: next.id, deadline: DEADLINE }, day)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const round = await openRound(t.db, at.chair, at.tableId, { versionId: next.id, deadline: DEADLINE }, day);
    await closeRound(t.db, at.chair, at.tableId, round.id, later(1));
  });

  it("cannot open with fewer than two counted parties", async () => {
    const table = await makeTable(t.db, ["chair"]);
    const chair = table.members[0]?.accountId as string;
    const only = await addParty(t.db, table.facilitator.accountId, table.tableId, { type: "residents", name: "Bewoners" });
    await addParty(t.db, table.facilitator.accountId, table.tableId, { type: "police", name: "Politie" });
    const delegate = await makeAccount(t.db);
    await t.db.membership.create({ data: { tableId: table.tableId, accountId: delegate.id, role: "delegate", partyId: only.id } });
    const name = docName({ kind: "problem", tableId: table.tableId });
    await appendUpdate(t.db, name, contentUpdate(null, paragraphs(["Eén partij is geen tafel."])));
    const version = await freezeVersion(t.db, chair, { kind: "problem", tableId: table.tableId }, day);
    await expect(openRound(t.db, chair, table.tableId, { versionId: version.id, deadline: DEADLINE }, day)).rejects.toMatchObject({
      code: "ROUND_TOO_FEW_PARTIES",
    });
    expect(await t.db.round.count({ where: { tableId: table.tableId } })).toBe(0);
  });

  it("keeps answers immutable in the database", async () => {
    await expect(t.db.$executeRawUnsafe(`UPDATE "RoundAnswer" SET answer = 'support'`)).rejects.toThrow(/immutable/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "RoundAnswer"`)).rejects.toThrow(/immutable/);
  });
});
