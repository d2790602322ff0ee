// Who may do what with a table's meetings, and to which record. Pure functions over plain data,
// tested as matrices in policy.test.ts; commands ask them before writing, queries before shaping
// what a reader sees.
import type { DecisionPower, TableStatus } from "../../generated/prisma/enums.ts";
import { type PolicyDomain, SHARED_DECISION_POWERS } from "../tables/mandates.ts";
import type { Role } from "../tables/model.ts";
import type { ConsoleCommandType } from "./console-model.ts";

export const MEETING_ACTIONS = [
  "meetings.view",
  "meetings.schedule",
  "meetings.poll.answer",
  "meetings.reply",
  "meetings.agenda.edit",
  "meetings.agenda.propose",
  "meetings.console.run",
  "meetings.console.speak",
  "meetings.check.answer",
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
// The neutral chair runs the meeting from the console; the secretary may stand in.
const CONSOLE_RUNNERS: readonly Role[] = ["chair", "secretary"];
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
  "meetings.console.run": (role) => CONSOLE_RUNNERS.includes(role),
  // Delegates take part: they raise their hand and answer checks for their own party. Observers
  // watch; the treasurer and the facilitator are not at the table as a party.
  "meetings.console.speak": (role) => role === "delegate",
  "meetings.check.answer": (role) => role === "delegate",
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

/** Whether a meeting's live session runs: opened from the console and not ended or cancelled. */
export function sessionRunning(meeting: { openedAt: Date | null; endedAt: Date | null; cancelledAt: Date | null }): boolean {
  return meeting.openedAt !== null && meeting.endedAt === null && meeting.cancelledAt === null;
}

export type SessionState = { openedAt: Date | null; endedAt: Date | null; cancelledAt: Date | null; openCheck: boolean };

/** Why the live session cannot be opened, or null. A cancelled or ended meeting stays as it was. */
export function openSessionRefusal(meeting: SessionState): "MEETING_CANCELLED" | "MEETING_ENDED" | "MEETING_ALREADY_OPEN" | null {
  if (meeting.cancelledAt) return "MEETING_CANCELLED";
  if (meeting.endedAt) return "MEETING_ENDED";
  if (meeting.openedAt) return "MEETING_ALREADY_OPEN";
  return null;
}

/** Why the live session cannot be ended, or null: never with a consensus check still open. */
export function endSessionRefusal(meeting: SessionState): "MEETING_NOT_RUNNING" | "MEETING_CHECK_OPEN" | null {
  if (!sessionRunning(meeting)) return "MEETING_NOT_RUNNING";
  if (meeting.openCheck) return "MEETING_CHECK_OPEN";
  return null;
}

export type TurnRecord = { membershipId: string | null; startedAt: Date | null; endedAt: Date | null; withdrawnAt: Date | null };

/**
 * Why this member may not lower this hand, or null. A delegate lowers only their own raised hand;
 * the chair (or secretary) may take anyone off the queue. A turn that began is ended, not lowered.
 */
export function lowerHandRefusal(actor: Pick<MeetingActor, "id" | "role">, turn: TurnRecord): "FORBIDDEN" | "TURN_NOT_WAITING" | null {
  const runner = WHO["meetings.console.run"](actor.role);
  if (!runner && turn.membershipId !== actor.id) return "FORBIDDEN";
  if (turn.startedAt || turn.withdrawnAt) return "TURN_NOT_WAITING";
  return null;
}

/** A member has at most one hand up at a time. */
export function raiseHandRefusal(ownTurns: readonly TurnRecord[]): "HAND_ALREADY_RAISED" | null {
  return ownTurns.some((turn) => !turn.withdrawnAt && !turn.endedAt) ? "HAND_ALREADY_RAISED" : null;
}

export type MandateOnRecord = {
  id: string;
  version: number;
  decisionDate: Date;
  termStart: Date;
  termEnd: Date;
  domains: readonly { domain: string; decisionPower: DecisionPower }[];
};

export type DecisionStanding =
  | { scope: "within_scope"; decisionPower: DecisionPower; mandateVersionId: string }
  | { scope: "advisory_only"; reason: "advisory_power" | "domain_not_covered"; mandateVersionId: string }
  | { scope: "advisory_only"; reason: "no_mandate"; mandateVersionId: null };

/**
 * The mandate version in force on a date: the newest version the issuing body had decided by then,
 * provided its term covers that date. An amendment decided later does not reach back.
 */
export function mandateInForce<M extends MandateOnRecord>(versions: readonly M[], on: Date): M | null {
  const decided = versions.filter((v) => v.decisionDate.getTime() <= on.getTime()).sort((a, b) => b.version - a.version)[0];
  if (!decided) return null;
  if (on.getTime() < decided.termStart.getTime() || on.getTime() >= decided.termEnd.getTime()) return null;
  return decided;
}

/**
 * Where a decision in a policy domain stands against the mandate in force on the meeting date:
 * within scope when the table shares the decision there (and with which power), advisory only
 * when it only advises there, the domain is not covered or no mandate is in force. The domain
 * must be one of the policy domains; callers refuse any other before asking.
 */
export function decisionStanding(versions: readonly MandateOnRecord[], domain: PolicyDomain, meetingDate: Date): DecisionStanding {
  const mandate = mandateInForce(versions, meetingDate);
  if (!mandate) return { scope: "advisory_only", reason: "no_mandate", mandateVersionId: null };
  const covered = mandate.domains.find((d) => d.domain === domain);
  if (!covered) return { scope: "advisory_only", reason: "domain_not_covered", mandateVersionId: mandate.id };
  if (!SHARED_DECISION_POWERS.includes(covered.decisionPower)) {
    return { scope: "advisory_only", reason: "advisory_power", mandateVersionId: mandate.id };
  }
  return { scope: "within_scope", decisionPower: covered.decisionPower, mandateVersionId: mandate.id };
}

/** The action each console command needs; lowering a hand is checked per record (lowerHandRefusal). */
export const CONSOLE_COMMAND_ACTION: Record<ConsoleCommandType, MeetingAction> = {
  "session.open": "meetings.console.run",
  "session.end": "meetings.console.run",
  "item.start": "meetings.console.run",
  "hand.raise": "meetings.console.speak",
  "hand.lower": "meetings.view",
  "guest.add": "meetings.console.run",
  "speaker.next": "meetings.console.run",
  "speaker.call": "meetings.console.run",
  "speaker.end": "meetings.console.run",
  "chair.speak": "meetings.console.run",
  "attendance.mark": "meetings.console.run",
  "check.open": "meetings.console.run",
  "check.answer": "meetings.check.answer",
  "check.close": "meetings.console.run",
  "decision.record": "meetings.console.run",
};

/** Commands that need the live session to be running (the rest: opening it, and attendance). */
export function needsRunningSession(type: ConsoleCommandType): boolean {
  return type !== "session.open" && type !== "attendance.mark";
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
