// Scheduling and preparing meetings: polls over proposed slots, the meeting a chosen slot
// becomes, members' replies, and the agenda. Every command validates, asks the policy, writes in
// one short transaction and records its audit event. Answers and replies are appended, never
// overwritten; agenda items are removed softly.
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { meetingPath } from "../notifications/model.ts";
import { notifyMembers } from "../notifications/notify.ts";
import { partyVoiceOf } from "../participation/policy.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorizeMeeting } from "./access.ts";
import { agendaItemSchema, meetingInputSchema, pollAnswerSchema, pollInputSchema } from "./model.ts";
import { meetingChangeable, pollOpen, slotProblem } from "./policy.ts";

function checkSlots(slots: { startsAt: Date; endsAt: Date }[], now: Date) {
  slots.forEach((slot, index) => {
    const problem = slotProblem(slot, now);
    if (problem) throw new AppError(problem, { field: `slots.${index}`, name: "slots" });
  });
}

export async function proposePoll(db: Db, accountId: string, tableId: string, input: unknown, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.schedule");
  const data = parseInput(pollInputSchema, input);
  checkSlots(data.slots, now);
  return db.$transaction(async (tx) => {
    const poll = await tx.meetingPoll.create({
      data: {
        tableId,
        title: data.title,
        note: data.note,
        createdBy: member.id,
        createdAt: now,
        slots: { create: data.slots.map((slot) => ({ startsAt: slot.startsAt, endsAt: slot.endsAt })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "meeting.poll_proposed", tableId, data: { by: member.id, poll: poll.id } }, now);
    return poll;
  });
}

async function openPoll(db: Db, tableId: string, pollId: string) {
  const poll = isUuid(pollId) ? await db.meetingPoll.findFirst({ where: { id: pollId, tableId }, include: { slots: true } }) : null;
  if (!poll) throw new AppError("NOT_FOUND");
  if (!pollOpen(poll)) throw new AppError("MEETING_POLL_CLOSED");
  return poll;
}

/** A member's availability for every slot of a poll, under their own membership. */
export async function answerPoll(
  db: Db,
  accountId: string,
  tableId: string,
  pollId: string,
  answers: Record<string, unknown>,
  now = new Date(),
) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.poll.answer");
  const poll = await openPoll(db, tableId, pollId);
  const slotIds = new Set(poll.slots.map((slot) => slot.id));
  const rows = Object.entries(answers).map(([slotId, answer]) => {
    if (!slotIds.has(slotId)) throw new AppError("INVALID_INPUT", { field: "slot" });
    return { slotId, answer: parseInput(pollAnswerSchema, answer) };
  });
  if (rows.length === 0) throw new AppError("INVALID_INPUT", { field: "slot" });
  await db.$transaction(async (tx) => {
    await tx.pollSlotAnswer.createMany({ data: rows.map((row) => ({ ...row, membershipId: member.id, createdAt: now })) });
    await recordAudit(tx, { action: "meeting.poll_answered", tableId, data: { by: member.id, poll: poll.id } }, now);
  });
}

/** The chosen slot becomes the meeting; the poll closes. */
export async function chooseSlot(db: Db, accountId: string, tableId: string, pollId: string, slotId: string, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.schedule");
  const poll = await openPoll(db, tableId, pollId);
  const slot = poll.slots.find((s) => s.id === slotId);
  if (!slot) throw new AppError("INVALID_INPUT", { field: "slot" });
  const problem = slotProblem(slot, now);
  if (problem) throw new AppError(problem, { field: "slot" });
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        tableId,
        title: poll.title,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        languages: [],
        createdBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.meetingPoll.update({ where: { id: poll.id }, data: { closedAt: now, closedBy: member.id, meetingId: meeting.id } });
    await recordAudit(tx, { action: "meeting.scheduled", tableId, data: { by: member.id, meeting: meeting.id, poll: poll.id } }, now);
    await notifyMembers(tx, tableId, member.id, "meeting_scheduled", meetingPath(tableId, meeting.id), now);
    return meeting;
  });
}

export async function scheduleMeeting(db: Db, accountId: string, tableId: string, input: unknown, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.schedule");
  const data = parseInput(meetingInputSchema, input);
  checkSlots([data], now);
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({ data: { ...data, tableId, createdBy: member.id, createdAt: now }, select: { id: true } });
    await recordAudit(tx, { action: "meeting.scheduled", tableId, data: { by: member.id, meeting: meeting.id } }, now);
    await notifyMembers(tx, tableId, member.id, "meeting_scheduled", meetingPath(tableId, meeting.id), now);
    return meeting;
  });
}

async function changeableMeeting(db: Db, tableId: string, meetingId: string, now: Date) {
  const meeting = isUuid(meetingId) ? await db.meeting.findFirst({ where: { id: meetingId, tableId } }) : null;
  if (!meeting) throw new AppError("NOT_FOUND");
  if (!meetingChangeable(meeting, now)) throw new AppError("MEETING_CLOSED");
  return meeting;
}

/** Place, link, languages and notes; the date stays (a new date is a new poll or meeting). */
export async function updateMeeting(db: Db, accountId: string, tableId: string, meetingId: string, input: unknown, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.schedule");
  const meeting = await changeableMeeting(db, tableId, meetingId, now);
  const data = parseInput(meetingInputSchema.omit({ startsAt: true, endsAt: true }), input);
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meeting.id }, data });
    await recordAudit(tx, { action: "meeting.details_changed", tableId, data: { by: member.id, meeting: meeting.id } }, now);
  });
}

/** Whether the member will attend; the latest reply counts, earlier ones stay. */
export async function replyToMeeting(db: Db, accountId: string, tableId: string, meetingId: string, attending: boolean, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.reply");
  const meeting = await changeableMeeting(db, tableId, meetingId, now);
  await db.$transaction(async (tx) => {
    await tx.meetingReply.create({ data: { meetingId: meeting.id, membershipId: member.id, attending, createdAt: now } });
    // Who comes to a meeting is not for the whole table to read in the log (the address is shown
    // only to those who come): the reply is kept for accountability but names nobody there.
    await recordAudit(tx, { action: "meeting.replied", tableId, data: { recordedBy: member.id, meeting: meeting.id } }, now);
  });
}

/**
 * An agenda item at the end of the agenda. The keepers of the agenda add items as themselves; a
 * delegate proposes one for their own party (from the membership, never from the form).
 */
export async function addAgendaItem(db: Db, accountId: string, tableId: string, meetingId: string, input: unknown, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.agenda.propose");
  const meeting = await changeableMeeting(db, tableId, meetingId, now);
  const data = parseInput(agendaItemSchema, input);
  if (data.nextMeetingItemId && !(await db.nextMeetingItem.count({ where: { id: data.nextMeetingItemId, tableId } }))) {
    throw new AppError("INVALID_INPUT", { field: "nextMeetingItemId" });
  }
  if (data.factId && !(await db.fact.count({ where: { id: data.factId, tableId } })))
    throw new AppError("INVALID_INPUT", { field: "factId" });
  // A delegate's item is their own party's, from the membership.
  const party = partyVoiceOf(member);
  return db.$transaction(async (tx) => {
    const last = await tx.agendaItem.findFirst({
      where: { meetingId: meeting.id },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const item = await tx.agendaItem.create({
      data: {
        ...data,
        meetingId: meeting.id,
        position: (last?.position ?? 0) + 1,
        proposedByPartyId: party,
        createdBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    const actor: Record<string, string> = party ? { asParty: party, recordedBy: member.id } : { by: member.id };
    await recordAudit(tx, { action: "meeting.agenda_item_added", tableId, data: { ...actor, meeting: meeting.id, item: item.id } }, now);
    return item;
  });
}

async function agendaItemOf(db: Db, tableId: string, itemId: string, now: Date) {
  const item = isUuid(itemId) ? await db.agendaItem.findFirst({ where: { id: itemId, removedAt: null, meeting: { tableId } } }) : null;
  if (!item) throw new AppError("NOT_FOUND");
  await changeableMeeting(db, tableId, item.meetingId, now);
  return item;
}

/** Moves an item one place up or down among the items still on the agenda. */
export async function moveAgendaItem(
  db: Db,
  accountId: string,
  tableId: string,
  itemId: string,
  direction: "up" | "down",
  now = new Date(),
) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.agenda.edit");
  const item = await agendaItemOf(db, tableId, itemId, now);
  const neighbour = await db.agendaItem.findFirst({
    where: { meetingId: item.meetingId, removedAt: null, position: direction === "up" ? { lt: item.position } : { gt: item.position } },
    orderBy: { position: direction === "up" ? "desc" : "asc" },
  });
  if (!neighbour) return;
  await db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id: item.id }, data: { position: neighbour.position } });
    await tx.agendaItem.update({ where: { id: neighbour.id }, data: { position: item.position } });
    await recordAudit(tx, { action: "meeting.agenda_reordered", tableId, data: { by: member.id, meeting: item.meetingId } }, now);
  });
}

export async function removeAgendaItem(db: Db, accountId: string, tableId: string, itemId: string, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.agenda.edit");
  const item = await agendaItemOf(db, tableId, itemId, now);
  await db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id: item.id }, data: { removedAt: now, removedBy: member.id } });
    await recordAudit(
      tx,
      { action: "meeting.agenda_item_removed", tableId, data: { by: member.id, meeting: item.meetingId, item: item.id } },
      now,
    );
  });
}
