// What members read about meetings: open polls with everyone's availability (by pseudonym), the
// meetings to come and past ones, and one meeting with its agenda. The address of a meeting is
// left out for members who have not confirmed they attend.
import type { PollAnswer } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { CURRENT_MEMBER } from "../tables/queries.ts";
import { authorizeMeeting } from "./access.ts";
import { decisionView } from "./decision-view.ts";
import { canMeet, MEETING_ACTIONS, type MeetingAction, mayReadAddress, meetingChangeable } from "./policy.ts";

/** The latest row per member, from rows ordered oldest first. */
function latestBy<T extends { membershipId: string }>(rows: T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) latest.set(row.membershipId, row);
  return latest;
}

export async function meetingsOf(db: Db, accountId: string, tableId: string, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.view");
  const may = Object.fromEntries(MEETING_ACTIONS.map((a) => [a, canMeet(member, a, member.table)])) as Record<MeetingAction, boolean>;
  const members = await db.membership.findMany({
    where: { tableId, ...CURRENT_MEMBER },
    select: { id: true, account: { select: { pseudonym: true } } },
    orderBy: { createdAt: "asc" },
  });
  const current = new Set(members.map((m) => m.id));
  const polls = await db.meetingPoll.findMany({
    where: { tableId, closedAt: null },
    orderBy: { createdAt: "asc" },
    include: { slots: { orderBy: { startsAt: "asc" }, include: { answers: { orderBy: { createdAt: "asc" } } } } },
  });
  const meetings = await db.meeting.findMany({ where: { tableId }, orderBy: { startsAt: "asc" } });
  return {
    may,
    myMembershipId: member.id,
    polls: polls.map((poll) => ({
      id: poll.id,
      title: poll.title,
      note: poll.note,
      slots: poll.slots.map((slot) => {
        // Only people still at the table count; someone who left is no longer asked.
        const answers = [...latestBy(slot.answers).values()].filter((a) => current.has(a.membershipId));
        const tally = { yes: 0, if_need_be: 0, no: 0 } satisfies Record<PollAnswer, number>;
        for (const a of answers) tally[a.answer] += 1;
        return {
          id: slot.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          tally,
          mine: answers.find((a) => a.membershipId === member.id)?.answer ?? null,
          answers: members.map((m) => ({
            pseudonym: m.account.pseudonym,
            answer: answers.find((a) => a.membershipId === m.id)?.answer ?? null,
          })),
        };
      }),
    })),
    upcoming: meetings.filter((m) => !m.cancelledAt && m.endsAt > now).map(summary),
    past: meetings
      .filter((m) => m.cancelledAt || m.endsAt <= now)
      .reverse()
      .map(summary),
  };
}

const summary = (m: { id: string; title: string; startsAt: Date; endsAt: Date; cancelledAt: Date | null }) => ({
  id: m.id,
  title: m.title,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  cancelled: m.cancelledAt !== null,
});

export async function meetingDetail(db: Db, accountId: string, tableId: string, meetingId: string, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.view");
  const meeting = isUuid(meetingId)
    ? await db.meeting.findFirst({
        where: { id: meetingId, tableId },
        include: {
          agenda: { where: { removedAt: null }, orderBy: { position: "asc" } },
          replies: { orderBy: { createdAt: "asc" } },
          decisions: { orderBy: { createdAt: "asc" } },
        },
      })
    : null;
  if (!meeting) throw new AppError("NOT_FOUND");
  const current = new Set((await db.membership.findMany({ where: { tableId, ...CURRENT_MEMBER }, select: { id: true } })).map((m) => m.id));
  const replies = [...latestBy(meeting.replies).values()].filter((r) => current.has(r.membershipId));
  const mine = replies.find((r) => r.membershipId === member.id) ?? null;
  const parties = new Map((await db.party.findMany({ where: { tableId }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const changeable = meetingChangeable(meeting, now);
  const may = Object.fromEntries(MEETING_ACTIONS.map((a) => [a, changeable && canMeet(member, a, member.table)])) as Record<
    MeetingAction,
    boolean
  >;
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    cancelled: meeting.cancelledAt !== null,
    changeable,
    address: mayReadAddress(member, mine) ? meeting.address : null,
    hasAddress: meeting.address !== "",
    onlineLink: meeting.onlineLink,
    languages: meeting.languages,
    interpretation: meeting.interpretation,
    accessibilityNotes: meeting.accessibilityNotes,
    safetyNotes: meeting.safetyNotes,
    compensatesTravel: meeting.compensatesTravel,
    compensatesMeals: meeting.compensatesMeals,
    myReply: mine ? mine.attending : null,
    attendingCount: replies.filter((r) => r.attending).length,
    notAttendingCount: replies.filter((r) => !r.attending).length,
    agenda: meeting.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      purpose: item.purpose,
      timeboxMinutes: item.timeboxMinutes,
      proposedBy: item.proposedByPartyId ? (parties.get(item.proposedByPartyId) ?? null) : null,
      nextMeetingItemId: item.nextMeetingItemId,
      factId: item.factId,
    })),
    totalMinutes: meeting.agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0),
    openedAt: meeting.openedAt,
    endedAt: meeting.endedAt,
    // Each decision with its standing against the mandate, shown wherever the decision is.
    decisions: meeting.decisions.map(decisionView),
    may,
  };
}
