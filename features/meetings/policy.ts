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
] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export type MeetingActor = { id: string; role: Role; partyId: string | null };

// The facilitator and the chair propose slots and schedule; the secretary keeps the agenda with them.
const ORGANISERS: readonly Role[] = ["facilitator", "chair"];
const AGENDA_KEEPERS: readonly Role[] = ["facilitator", "chair", "secretary"];

const WHO: Record<MeetingAction, (role: Role) => boolean> = {
  "meetings.view": () => true,
  "meetings.schedule": (role) => ORGANISERS.includes(role),
  // Everyone at the table says when they can come and whether they will, under their pseudonym.
  "meetings.poll.answer": () => true,
  "meetings.reply": () => true,
  "meetings.agenda.edit": (role) => AGENDA_KEEPERS.includes(role),
  // A party puts an item on the agenda through its delegates; the item is the party's.
  "meetings.agenda.propose": (role) => role === "delegate" || AGENDA_KEEPERS.includes(role),
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
