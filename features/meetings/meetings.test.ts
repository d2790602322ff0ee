import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable } from "../../test/fact-table.ts";
import { makeAccount } from "../../test/factories.ts";
import { activityOf } from "../tables/activity.ts";
import {
  addAgendaItem,
  answerPoll,
  chooseSlot,
  moveAgendaItem,
  proposePoll,
  removeAgendaItem,
  replyToMeeting,
  scheduleMeeting,
} from "./commands.ts";
import { meetingDetail, meetingsOf } from "./queries.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
// Wednesday 2 December 2026, noon in Amsterdam.
const now = new Date("2026-12-02T11:00:00Z");
const evening = { startsAt: "2026-12-10T19:30", endsAt: "2026-12-10T21:30" };
const sunday = { startsAt: "2026-12-13T14:00", endsAt: "2026-12-13T16:00" };

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
});
afterAll(async () => {
  await t.close();
});

const meeting = (input: Record<string, unknown> = {}) =>
  scheduleMeeting(t.db, at.chair, at.tableId, { title: "Avondoverleg", address: "Havenstraat 12", ...evening, ...input }, now);

describe("a scheduling poll", () => {
  it("is proposed by the chair with evening and weekend slots, read in Amsterdam time", async () => {
    const { id } = await proposePoll(t.db, at.chair, at.tableId, { title: "Tweede overleg", slots: [evening, sunday] }, now);
    const { polls } = await meetingsOf(t.db, at.observer, at.tableId, now);
    const poll = polls.find((p) => p.id === id);
    expect(poll?.slots.map((s) => s.startsAt.toISOString())).toEqual(["2026-12-10T18:30:00.000Z", "2026-12-13T13:00:00.000Z"]);
  });

  it("refuses a slot in the past, one that ends before it starts, none at all, and delegates proposing", async () => {
    const before = await t.db.meetingPoll.count();
    await expect(
      proposePoll(t.db, at.chair, at.tableId, { title: "X", slots: [{ startsAt: "2026-12-01T19:00", endsAt: "2026-12-01T21:00" }] }, now),
    ).rejects.toMatchObject({
      code: "MEETING_SLOT_PAST",
    });
    await expect(
      proposePoll(t.db, at.chair, at.tableId, { title: "X", slots: [{ startsAt: "2026-12-10T21:00", endsAt: "2026-12-10T20:00" }] }, now),
    ).rejects.toMatchObject({
      code: "MEETING_SLOT_ORDER",
    });
    await expect(proposePoll(t.db, at.chair, at.tableId, { title: "X", slots: [] }, now)).rejects.toMatchObject({
      code: "MEETING_NO_SLOTS",
    });
    await expect(
      proposePoll(t.db, at.chair, at.tableId, { title: "X", slots: [{ startsAt: "morgen", endsAt: "" }] }, now),
    ).rejects.toMatchObject({
      code: "MEETING_TIME_INVALID",
    });
    await expect(proposePoll(t.db, at.delegates.rll, at.tableId, { title: "X", slots: [evening] }, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await t.db.meetingPoll.count()).toBe(before);
  });

  it("is answered per member under their pseudonym; a changed answer counts, the earlier one is kept", async () => {
    const { id } = await proposePoll(t.db, at.chair, at.tableId, { title: "Derde overleg", slots: [evening, sunday] }, now);
    const slots = (await meetingsOf(t.db, at.chair, at.tableId, now)).polls.find((p) => p.id === id)?.slots ?? [];
    const [first, second] = slots.map((s) => s.id) as [string, string];
    await answerPoll(t.db, at.delegates.rll, at.tableId, id, { [first]: "yes", [second]: "no" }, now);
    await answerPoll(t.db, at.delegates.ggd, at.tableId, id, { [first]: "if_need_be", [second]: "yes" }, now);
    await answerPoll(t.db, at.delegates.rll, at.tableId, id, { [second]: "if_need_be" }, new Date(now.getTime() + 1000));
    const poll = (await meetingsOf(t.db, at.delegates.rll, at.tableId, now)).polls.find((p) => p.id === id);
    expect(poll?.slots.map((s) => s.tally)).toEqual([
      { yes: 1, if_need_be: 1, no: 0 },
      { yes: 1, if_need_be: 1, no: 0 },
    ]);
    expect(poll?.slots.map((s) => s.mine)).toEqual(["yes", "if_need_be"]);
    expect(poll?.slots[1]?.answers.find((a) => a.pseudonym === "Saffier")?.answer).toBe("if_need_be");
    expect(await t.db.pollSlotAnswer.count({ where: { slotId: second } })).toBe(3);

    await expect(answerPoll(t.db, at.delegates.rll, at.tableId, id, { [first]: "maybe" }, now)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(answerPoll(t.db, at.delegates.rll, at.tableId, id, { "not-a-slot": "yes" }, now)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const outsider = await makeAccount(t.db);
    await expect(answerPoll(t.db, outsider.id, at.tableId, id, { [first]: "yes" }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("becomes a meeting when the chair chooses a slot, and then takes no more answers", async () => {
    const { id } = await proposePoll(t.db, at.chair, at.tableId, { title: "Vierde overleg", slots: [evening, sunday] }, now);
    const slot = (await meetingsOf(t.db, at.chair, at.tableId, now)).polls.find((p) => p.id === id)?.slots[1];
    await expect(chooseSlot(t.db, at.delegates.rll, at.tableId, id, slot?.id ?? "", now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const chosen = await chooseSlot(t.db, at.chair, at.tableId, id, slot?.id ?? "", now);
    const list = await meetingsOf(t.db, at.chair, at.tableId, now);
    expect(list.polls.find((p) => p.id === id)).toBeUndefined();
    expect(list.upcoming.find((m) => m.id === chosen.id)).toMatchObject({
      title: "Vierde overleg",
      startsAt: new Date("2026-12-13T13:00:00Z"),
    });
    await expect(answerPoll(t.db, at.delegates.rll, at.tableId, id, { [slot?.id ?? ""]: "yes" }, now)).rejects.toMatchObject({
      code: "MEETING_POLL_CLOSED",
    });
  });
});

describe("a meeting", () => {
  it("shows its address only to members who confirmed they attend, and to its organisers", async () => {
    const { id } = await meeting();
    expect((await meetingDetail(t.db, at.delegates.rll, at.tableId, id, now)).address).toBeNull();
    expect((await meetingDetail(t.db, at.delegates.rll, at.tableId, id, now)).hasAddress).toBe(true);
    expect((await meetingDetail(t.db, at.chair, at.tableId, id, now)).address).toBe("Havenstraat 12");
    await replyToMeeting(t.db, at.delegates.rll, at.tableId, id, true, now);
    expect((await meetingDetail(t.db, at.delegates.rll, at.tableId, id, now)).address).toBe("Havenstraat 12");
    await replyToMeeting(t.db, at.delegates.rll, at.tableId, id, false, new Date(now.getTime() + 1000));
    const detail = await meetingDetail(t.db, at.delegates.rll, at.tableId, id, now);
    expect(detail.address).toBeNull();
    expect(detail).toMatchObject({ myReply: false, attendingCount: 0, notAttendingCount: 1 });
    // The log keeps that a reply was given, but not whose: attendance stays off the shared record.
    const replies = (await activityOf(t.db, at.observer, at.tableId)).filter((e) => e.action === "meeting.replied");
    expect(replies.length).toBeGreaterThan(0);
    expect(JSON.stringify(replies)).not.toContain("Saffier");
  });

  it("refuses an online link that is not https, and replies after it ended", async () => {
    await expect(meeting({ onlineLink: "javascript:alert(1)" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { field: "onlineLink" },
    });
    const { id } = await meeting();
    await expect(replyToMeeting(t.db, at.delegates.ggd, at.tableId, id, true, new Date("2026-12-11T00:00:00Z"))).rejects.toMatchObject({
      code: "MEETING_CLOSED",
    });
  });
});

describe("the agenda", () => {
  it("keeps items in order with time boxes; a delegate's item is their party's, never a form's", async () => {
    const { id } = await meeting();
    await addAgendaItem(t.db, at.chair, at.tableId, id, { title: "Opening", purpose: "inform", timeboxMinutes: "5" }, now);
    await addAgendaItem(
      t.db,
      at.delegates.rll,
      at.tableId,
      id,
      { title: "Veiligheid bij thuiswerk", purpose: "discuss", timeboxMinutes: "30", proposedByPartyId: at.parties.ggd },
      now,
    );
    const detail = await meetingDetail(t.db, at.observer, at.tableId, id, now);
    expect(detail.agenda.map((i) => [i.title, i.purpose, i.timeboxMinutes, i.proposedBy])).toEqual([
      ["Opening", "inform", 5, null],
      ["Veiligheid bij thuiswerk", "discuss", 30, "Stichting Rode Lantaarn"],
    ]);
    expect(detail.totalMinutes).toBe(35);
    const log = await activityOf(t.db, at.observer, at.tableId);
    expect(JSON.stringify(log.filter((e) => e.action === "meeting.agenda_item_added"))).not.toContain("Saffier");
  });

  it("refuses a time box that is not a positive whole number of minutes, and observers adding items", async () => {
    const { id } = await meeting();
    for (const timeboxMinutes of ["0", "-5", "2.5", "", "999"]) {
      await expect(
        addAgendaItem(t.db, at.chair, at.tableId, id, { title: "X", purpose: "decide", timeboxMinutes }, now),
      ).rejects.toMatchObject({
        code: "AGENDA_TIMEBOX_INVALID",
      });
    }
    await expect(
      addAgendaItem(t.db, at.observer, at.tableId, id, { title: "X", purpose: "decide", timeboxMinutes: 5 }, now),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await t.db.agendaItem.count({ where: { meetingId: id } })).toBe(0);
  });

  it("is reordered and items are removed softly", async () => {
    const { id } = await meeting();
    const a = await addAgendaItem(t.db, at.secretary, at.tableId, id, { title: "A", purpose: "inform", timeboxMinutes: 5 }, now);
    await addAgendaItem(t.db, at.secretary, at.tableId, id, { title: "B", purpose: "inform", timeboxMinutes: 5 }, now);
    await moveAgendaItem(t.db, at.secretary, at.tableId, a.id, "down", now);
    expect((await meetingDetail(t.db, at.chair, at.tableId, id, now)).agenda.map((i) => i.title)).toEqual(["B", "A"]);
    await expect(moveAgendaItem(t.db, at.delegates.rll, at.tableId, a.id, "up", now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeAgendaItem(t.db, at.chair, at.tableId, a.id, now);
    expect((await meetingDetail(t.db, at.chair, at.tableId, id, now)).agenda.map((i) => i.title)).toEqual(["B"]);
    expect(await t.db.agendaItem.count({ where: { id: a.id } })).toBe(1);
  });
});
