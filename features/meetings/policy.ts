// Who may do what with a table's meetings, and to which record. Pure functions over plain data,
// tested as matrices in policy.test.ts; commands ask them before writing, queries before shaping
// what a reader sees.
import type { TableStatus } from "../../generated/prisma/enums.ts";
import type { Role } from "../tables/model.ts";

export const MEETING_ACTIONS = [
  "meetings.view",
  "meetings.schedule",
  "meetings.poll.answer",
  "meetings.reply",
  "meetings.agenda.edit",
  "meetings.agenda.propose",
  "meetings.minutes.write",
  "meetings.minutes.freeze",
  "meetings.actions.add",
  "meetings.actions.status",
] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export type MeetingActor = { id: string; role: Role; partyId: string | null };

// The facilitator and the chair propose slots and schedule; the secretary keeps the agenda with them.
const ORGANISERS: readonly Role[] = ["facilitator", "chair"];
const AGENDA_KEEPERS: readonly Role[] = ["facilitator", "chair", "secretary"];
const MINUTE_TAKERS: readonly Role[] = ["facilitator", "chair", "secretary"];

const WHO: Record<MeetingAction, (role: Role) => boolean> = {
  "meetings.view": () => true,
  "meetings.schedule": (role) => ORGANISERS.includes(role),
  // Everyone at the table says when they can come and whether they will, under their pseudonym.
  "meetings.poll.answer": () => true,
  "meetings.reply": () => true,
  "meetings.agenda.edit": (role) => AGENDA_KEEPERS.includes(role),
  // A party puts an item on the agenda through its delegates; the item is the party's.
  "meetings.agenda.propose": (role) => role === "delegate" || AGENDA_KEEPERS.includes(role),
  // The process roles draft the minutes and freeze them for the parties to approve; everyone
  // else at the table reads them (meetings.view).
  "meetings.minutes.write": (role) => MINUTE_TAKERS.includes(role),
  "meetings.minutes.freeze": (role) => MINUTE_TAKERS.includes(role),
  "meetings.actions.add": (role) => MINUTE_TAKERS.includes(role),
  // The owner party's delegates report progress (own party checked by actionStatusProblem); the
  // chair and the secretary keep the list up to date.
  "meetings.actions.status": (role) => role === "delegate" || role === "chair" || role === "secretary",
};

// On a closed table the record stays readable; nothing is scheduled or changed.
export function canMeet(actor: { role: Role }, action: MeetingAction, table: { status: TableStatus }): boolean {
  if (table.status === "closed" && action !== "meetings.view") return false;
  return WHO[action](actor.role);
}

/**
 * Whether a member sees the meeting's address: only once they confirmed they attend, so that a
 * place where sex workers meet is not spread to everyone on the list. Those who organise the
 * meeting entered it and keep seeing it.
 */
export function mayReadAddress(actor: Pick<MeetingActor, "role">, reply: { attending: boolean } | null): boolean {
  return ORGANISERS.includes(actor.role) || reply?.attending === true;
}

/** A slot can be proposed only in the future, and must end after it starts. */
export function slotProblem(slot: { startsAt: Date; endsAt: Date }, now: Date): "MEETING_SLOT_PAST" | "MEETING_SLOT_ORDER" | null {
  if (slot.startsAt.getTime() <= now.getTime()) return "MEETING_SLOT_PAST";
  if (slot.endsAt.getTime() <= slot.startsAt.getTime()) return "MEETING_SLOT_ORDER";
  return null;
}

/** An open poll can be answered and decided; once a slot was chosen or it was withdrawn, it is closed. */
export function pollOpen(poll: { closedAt: Date | null }): boolean {
  return poll.closedAt === null;
}

/** A cancelled meeting or one that has ended keeps its record but takes no new replies or items. */
export function meetingChangeable(meeting: { cancelledAt: Date | null; endsAt: Date }, now: Date): boolean {
  return meeting.cancelledAt === null && meeting.endsAt.getTime() > now.getTime();
}

/** Where a meeting's minutes stand: none for a cancelled meeting, drafted once it is over, approved once a round passed. */
export type MinutesStage = "none" | "before" | "drafting" | "approved";

export function minutesStage(
  meeting: { cancelledAt: Date | null; endsAt: Date; endedAt: Date | null },
  approved: boolean,
  now: Date,
): MinutesStage {
  if (meeting.cancelledAt) return "none";
  if (approved) return "approved";
  const over = meeting.endedAt !== null || meeting.endsAt.getTime() <= now.getTime();
  return over ? "drafting" : "before";
}

/**
 * Record-level rule for changing a follow-up action's status: a delegate only for the party that
 * owns the action (their party from the membership), the chair and the secretary for any; a
 * status that is already current is no change.
 */
export function actionStatusProblem(
  actor: Pick<MeetingActor, "role" | "partyId">,
  action: { ownerPartyId: string; status: string },
  next: string,
): "FORBIDDEN" | "ACTION_STATUS_UNCHANGED" | null {
  if (
    actor.role === "delegate"
      ? actor.partyId === null || actor.partyId !== action.ownerPartyId
      : actor.role !== "chair" && actor.role !== "secretary"
  ) {
    return "FORBIDDEN";
  }
  if (action.status === next) return "ACTION_STATUS_UNCHANGED";
  return null;
}
