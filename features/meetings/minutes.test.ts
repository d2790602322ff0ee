import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable } from "../../test/fact-table.ts";
import { closeRound } from "../decisions/rounds.ts";
import { docAccess } from "../docs/access.ts";
import { renderDocState } from "../docs/render.ts";
import { actionsList, addFollowUpAction, changeActionStatus } from "./actions.ts";
import { addAgendaItem, scheduleMeeting } from "./commands.ts";
import { answerMinutes, approvedMinutes, circulateMinutes, freezeMinutes, liveMinutesState, minutesPage } from "./minutes.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
// The meeting was on Tuesday 1 December 2026, 19:30–21:30 in Amsterdam; "now" is the day after.
const planned = new Date("2026-11-20T10:00:00Z");
const during = new Date("2026-12-01T19:00:00Z");
const now = new Date("2026-12-02T11:00:00Z");
let meetingId: string;
let decisionId: string;

const membershipOf = async (accountId: string) =>
  (await t.db.membership.findFirstOrThrow({ where: { tableId: at.tableId, accountId }, select: { id: true } })).id;

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
  const meeting = await scheduleMeeting(
    t.db,
    at.chair,
    at.tableId,
    { title: "Avondoverleg", startsAt: "2026-12-01T19:30", endsAt: "2026-12-01T21:30" },
    planned,
  );
  meetingId = meeting.id;
  await addAgendaItem(
    t.db,
    at.delegates.rll,
    at.tableId,
    meetingId,
    { title: "Veiligheid bij thuiswerk", purpose: "discuss", timeboxMinutes: 40 },
    planned,
  );
  const chair = await membershipOf(at.chair);
  // Attendance as the console records it: the latest mark per member counts.
  const mark = (membershipId: string, status: "present" | "online" | "absent" | "left_early", minute: number) =>
    t.db.attendanceMark.create({
      data: { meetingId, membershipId, status, recordedBy: chair, createdAt: new Date(during.getTime() + minute * 60_000) },
    });
  await mark(await membershipOf(at.delegates.rll), "present", 1);
  await mark(await membershipOf(at.delegates.bewoners), "present", 1);
  await mark(await membershipOf(at.delegates.bewoners), "left_early", 50);
  await mark(await membershipOf(at.delegates.ggd), "online", 2);
  const decision = await t.db.decision.create({
    data: {
      tableId: at.tableId,
      meetingId,
      text: "De GGD onderzoekt anonieme spreekuren voor thuiswerkers.",
      domain: "care",
      participationForm: "consultation",
      scope: "advisory_only",
      advisoryReason: "advisory_power",
      recordedBy: chair,
      createdAt: during,
    },
  });
  decisionId = decision.id;
  await addFollowUpAction(
    t.db,
    at.secretary,
    at.tableId,
    decisionId,
    { text: "Spreekuren uitzoeken", ownerPartyId: at.parties.ggd, dueDate: "2027-01-15" },
    during,
  );
});
afterAll(async () => {
  await t.close();
});

describe("minutes of a meeting", () => {
  it("cannot be opened before the meeting is over", async () => {
    const before = await minutesPage(t.db, at.secretary, at.tableId, meetingId, {}, during);
    expect(before.stage).toBe("before");
    expect(before.access).toBe("none");
    await expect(freezeMinutes(t.db, at.secretary, at.tableId, meetingId, during)).rejects.toMatchObject({ code: "MINUTES_NOT_YET" });
    expect(await t.db.docUpdate.count({ where: { docName: before.name } })).toBe(0);
  });

  it("are pre-filled once from the record: attendance by pseudonym and party, agenda, decisions with their standing, actions", async () => {
    const page = await minutesPage(t.db, at.observer, at.tableId, meetingId, {}, now);
    expect(page.stage).toBe("drafting");
    expect(page.access).toBe("read");
    await minutesPage(t.db, at.secretary, at.tableId, meetingId, {}, now);
    expect(await t.db.docUpdate.count({ where: { docName: page.name } })).toBe(1);
    const { text } = renderDocState(await liveMinutesState(t.db, at.tableId, meetingId));
    expect(text).toContain("Verslag: Avondoverleg");
    expect(text).toContain("Aanwezig: Saffier (Stichting Rode Lantaarn)");
    // Henk was marked present, then left early: the latest mark counts.
    expect(text).toContain("Eerder vertrokken: Henk (Bewonersvereniging Oude Haven)");
    expect(text).not.toMatch(/Aanwezig:[^\n]*Henk/);
    expect(text).toContain("Online: Femke (GGD Regio)");
    expect(text).toContain("Veiligheid bij thuiswerk (Bespreken, 40 min) — voorgesteld door Stichting Rode Lantaarn");
    expect(text).toContain("De GGD onderzoekt anonieme spreekuren voor thuiswerkers.");
    expect(text).toContain("Alleen advies (het mandaat is in dit domein adviserend)");
    expect(text).toContain("Spreekuren uitzoeken — GGD Regio, uiterlijk 15 jan 2027 (Open)");
    // Sign-in names are never written; only pseudonyms.
    const accounts = await t.db.account.findMany({ select: { signInName: true } });
    for (const { signInName } of accounts) expect(text).not.toContain(signInName);
  });

  it("are written by the process roles only", async () => {
    const name = `minutes:${at.tableId}:${meetingId}`;
    expect(await docAccess(t.db, at.secretary, name)).toBe("write");
    expect(await docAccess(t.db, at.chair, name)).toBe("write");
    expect(await docAccess(t.db, at.delegates.rll, name)).toBe("read");
    expect(await docAccess(t.db, at.observer, name)).toBe("read");
    await expect(freezeMinutes(t.db, at.delegates.rll, at.tableId, meetingId, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("are approved per party: a delegate answers for their own party, changes need a reason, the chair never answers", async () => {
    const version = await freezeMinutes(t.db, at.secretary, at.tableId, meetingId, now);
    expect(version.number).toBe(1);
    const round = await circulateMinutes(
      t.db,
      at.chair,
      at.tableId,
      meetingId,
      { versionId: version.id, deadline: "2026-12-09T12:00" },
      now,
    );
    const stored = await t.db.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored.subject).toBe("minutes");
    await expect(
      answerMinutes(t.db, at.delegates.bewoners, at.tableId, meetingId, round.id, { answer: "request_changes", reason: "" }, now),
    ).rejects.toMatchObject({ code: "ROUND_REASON_REQUIRED" });
    await expect(answerMinutes(t.db, at.chair, at.tableId, meetingId, round.id, { answer: "approve" }, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      answerMinutes(t.db, at.delegates.rll, at.tableId, meetingId, round.id, { answer: "stand_aside" }, now),
    ).rejects.toMatchObject({
      code: "ROUND_ANSWER_INVALID",
    });
    expect(await t.db.roundAnswer.count({ where: { roundId: round.id } })).toBe(0);
    await answerMinutes(t.db, at.delegates.rll, at.tableId, meetingId, round.id, { answer: "approve" }, now);
    await answerMinutes(t.db, at.delegates.ggd, at.tableId, meetingId, round.id, { answer: "approve" }, now);
    await answerMinutes(
      t.db,
      at.delegates.bewoners,
      at.tableId,
      meetingId,
      round.id,
      { answer: "request_changes", reason: "Ons vertrek om 20:20 ontbreekt." },
      now,
    );
    const answers = await t.db.roundAnswer.findMany({ where: { roundId: round.id }, select: { partyId: true, answer: true } });
    // Each answer is the answering delegate's own party's, on the shared scale underneath.
    expect(answers).toEqual(
      expect.arrayContaining([
        { partyId: at.parties.rll, answer: "support" },
        { partyId: at.parties.ggd, answer: "support" },
        { partyId: at.parties.bewoners, answer: "cannot_support" },
      ]),
    );
    await expect(approvedMinutes(t.db, at.observer, at.tableId, meetingId, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Two of three approve: "all or most" (two thirds) passes.
    await closeRound(t.db, at.chair, at.tableId, round.id, now);
    const page = await minutesPage(t.db, at.secretary, at.tableId, meetingId, {}, now);
    expect(page.stage).toBe("approved");
    expect(page.approved?.number).toBe(1);
    expect(page.access).toBe("read");
    expect(await docAccess(t.db, at.secretary, page.name)).toBe("read");
    await expect(freezeMinutes(t.db, at.secretary, at.tableId, meetingId, now)).rejects.toMatchObject({ code: "MINUTES_APPROVED" });
    const approved = await approvedMinutes(t.db, at.observer, at.tableId, meetingId, now);
    expect(approved.version.text).toContain("Avondoverleg");
  });
});

describe("follow-up actions", () => {
  it("are added by the process roles to a decision, owned by a party of the table", async () => {
    const input = { text: "Brief aan de wethouder", ownerPartyId: at.parties.rll, dueDate: "2027-02-01" };
    await expect(addFollowUpAction(t.db, at.delegates.rll, at.tableId, decisionId, input, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(addFollowUpAction(t.db, at.chair, at.tableId, decisionId, { ...input, dueDate: "2027-02-30" }, now)).rejects.toMatchObject(
      {
        code: "ACTION_DUE_INVALID",
      },
    );
    await expect(
      addFollowUpAction(t.db, at.chair, at.tableId, decisionId, { ...input, ownerPartyId: "00000000-0000-4000-8000-000000000000" }, now),
    ).rejects.toMatchObject({ code: "ACTION_OWNER_INVALID" });
    await expect(addFollowUpAction(t.db, at.chair, at.tableId, decisionId, { ...input, text: "x" }, now)).rejects.toMatchObject({
      code: "ACTION_TEXT_INVALID",
    });
    expect(await t.db.followUpAction.count({ where: { text: "Brief aan de wethouder" } })).toBe(0);
    await addFollowUpAction(t.db, at.chair, at.tableId, decisionId, input, now);
    const list = await actionsList(t.db, at.observer, at.tableId);
    expect(list.actions.map((a) => [a.text, a.owner.name, a.status])).toEqual([
      ["Spreekuren uitzoeken", "GGD Regio", "open"],
      ["Brief aan de wethouder", "Stichting Rode Lantaarn", "open"],
    ]);
  });

  it("change status through the owner party's delegates or the chair and secretary, appended", async () => {
    const [spreekuren] = (await actionsList(t.db, at.chair, at.tableId)).actions;
    const id = spreekuren?.id as string;
    await expect(changeActionStatus(t.db, at.delegates.rll, at.tableId, id, { status: "done" }, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(changeActionStatus(t.db, at.facilitator, at.tableId, id, { status: "done" }, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(changeActionStatus(t.db, at.observer, at.tableId, id, { status: "done" }, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(changeActionStatus(t.db, at.delegates.ggd, at.tableId, id, { status: "klaar" }, now)).rejects.toMatchObject({
      code: "ACTION_STATUS_INVALID",
    });
    await expect(changeActionStatus(t.db, at.delegates.ggd, at.tableId, id, { status: "open" }, now)).rejects.toMatchObject({
      code: "ACTION_STATUS_UNCHANGED",
    });
    await changeActionStatus(t.db, at.delegates.ggd, at.tableId, id, { status: "in_progress", note: "Eerste gesprek gepland" }, now);
    await changeActionStatus(t.db, at.secretary, at.tableId, id, { status: "done" }, new Date(now.getTime() + 60_000));
    expect(await t.db.actionStatusChange.count({ where: { actionId: id } })).toBe(3);
    const done = await actionsList(t.db, at.delegates.rll, at.tableId, { status: "done" });
    expect(done.actions.map((a) => a.text)).toEqual(["Spreekuren uitzoeken"]);
    expect(done.total).toBe(2);
    // Only the owner party's delegates see they may move it on.
    expect(done.actions[0]?.mayChange).toBe(false);
    expect((await actionsList(t.db, at.delegates.ggd, at.tableId, { status: "done" })).actions[0]?.mayChange).toBe(true);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "meeting.action_status_changed", tableId: at.tableId },
      orderBy: { createdAt: "asc" },
    });
    // The log names the party the delegate spoke for, not the delegate.
    expect(event.data).toMatchObject({ asParty: at.parties.ggd, status: "in_progress" });
  });
});
