// Who may do what at a table, given the table's state. Pure functions, tested as a full
// role × action × status matrix in policy.test.ts; every route and the realtime server ask
// these, never their own rules. Participation has its own actions in features/participation/policy.ts.
import type { CommitmentStatus, PartyType, TableStatus } from "../../generated/prisma/enums.ts";
import type { ErrorCode } from "../shared/app-error.ts";
import type { Role } from "./model.ts";

export const TABLE_ACTIONS = [
  "table.view",
  "table.summary.view",
  "table.map.view",
  "table.members.view",
  "table.activity.view",
  "table.edit",
  "table.status.change",
  "table.invite",
  "table.roles.change",
  "parties.manage",
  "phases.manage",
  "mandate.record",
  "commitments.record",
  "commitments.breach",
  "commitments.respond",
  "chair.declare",
  "decisions.vote",
  "notes.read",
  "notes.write",
  "table.leave",
  "table.members.remove",
  "party.contact.set",
  "members.vouch",
  "facts.view",
  "facts.propose",
  "facts.edit",
  "facts.wording.edit",
  "facts.status.change",
  "facts.position.record",
  "facts.link",
  "facts.import",
  "facts.questions.ask",
  "facts.questions.answer",
  "problem.read",
  "problem.write",
  "problem.freeze",
  "perspective.read",
  "perspective.write",
  "rounds.view",
  "rounds.open",
  "rounds.close",
  "rounds.answer",
] as const;
export type TableAction = (typeof TABLE_ACTIONS)[number];

export const TABLE_STATUSES = ["in_preparation", "active", "paused", "closed"] as const satisfies readonly TableStatus[];

/** signed-out: no session; non-member: signed in but not at this table. */
export type TableActor = { kind: "signed-out" } | { kind: "non-member" } | { kind: "member"; role: Role; partyType?: PartyType | null };

export type TableState = { status: TableStatus; publicSummary: boolean };

// Municipal officials document the mandate their own body gave.
const MANDATE_PARTY_TYPES: readonly PartyType[] = ["municipality_department", "council"];

// Who co-drafts shared texts such as the problem statement.
const DRAFTERS: readonly Role[] = ["facilitator", "chair", "secretary", "delegate"];

type Rule = { who: (actor: Extract<TableActor, { kind: "member" }>) => boolean; whenClosed: boolean };

const everyone = () => true;
const only =
  (...roles: Role[]) =>
  (actor: { role: Role }) =>
    roles.includes(actor.role);

// Readable by anyone once the table made its summary public, whatever its status.
const PUBLIC_READS = ["table.summary.view", "table.map.view"] as const satisfies readonly TableAction[];
type PublicRead = (typeof PUBLIC_READS)[number];

const RULES: Record<Exclude<TableAction, PublicRead>, Rule> = {
  "table.view": { who: everyone, whenClosed: true },
  "table.members.view": { who: everyone, whenClosed: true },
  "table.activity.view": { who: everyone, whenClosed: true },
  "notes.read": { who: everyone, whenClosed: true },
  // A closed table is read-only; only its facilitator can reopen it.
  "table.status.change": { who: only("facilitator"), whenClosed: true },
  "table.edit": { who: only("facilitator"), whenClosed: false },
  "table.invite": { who: only("facilitator"), whenClosed: false },
  "table.roles.change": { who: only("facilitator"), whenClosed: false },
  "parties.manage": { who: only("facilitator"), whenClosed: false },
  "phases.manage": { who: only("facilitator", "chair"), whenClosed: false },
  "mandate.record": {
    who: (actor) =>
      actor.role === "facilitator" ||
      actor.role === "secretary" ||
      (actor.role === "delegate" && MANDATE_PARTY_TYPES.includes(actor.partyType ?? "other")),
    whenClosed: false,
  },
  // Delegates speak for their own party; the facilitator records on a party's behalf.
  "commitments.record": { who: only("facilitator", "delegate"), whenClosed: false },
  // Holding parties to their word is the neutral chair's job.
  "commitments.breach": { who: only("chair"), whenClosed: false },
  // A party answers a breach the chair marked through its own delegates (own party checked by breachResponseProblem).
  "commitments.respond": { who: only("delegate"), whenClosed: false },
  // The chair signs their own independence declaration when they joined through an invitation.
  "chair.declare": { who: only("chair"), whenClosed: false },
  // Support for a decision is given per party, by its delegates. The neutral chair never votes.
  "decisions.vote": { who: only("delegate"), whenClosed: false },
  // Observers follow the notes live but do not write in them.
  "notes.write": { who: (actor) => actor.role !== "observer", whenClosed: false },
  // Anyone may withdraw, also from a closed table (the last facilitator is held back below).
  "table.leave": { who: everyone, whenClosed: true },
  // Removing someone (and letting them back in) is the facilitator's, like roles.
  "table.members.remove": { who: only("facilitator"), whenClosed: false },
  // Which delegate is their party's contact is settled with the facilitator, like the parties themselves.
  "party.contact.set": { who: only("facilitator"), whenClosed: false },
  // Vouching is the party contact's own act (which delegate, and for whom: vouchProblem).
  "members.vouch": { who: only("delegate"), whenClosed: false },
  // The fact register (record-level rules in features/facts/policy.ts). Everyone at the table
  // reads it and its exports, also once the table is closed.
  "facts.view": { who: everyone, whenClosed: true },
  // Any party and the process roles may bring a figure; observers and the treasurer follow.
  "facts.propose": { who: only("facilitator", "chair", "secretary", "delegate"), whenClosed: false },
  "facts.edit": { who: only("facilitator", "chair", "secretary", "delegate"), whenClosed: false },
  // The process roles draft the citation wording from what the table says.
  "facts.wording.edit": { who: only("facilitator", "chair", "secretary"), whenClosed: false },
  // The chair (or the facilitator) moderates the statuses; "agreed" also needs the decision rule met.
  "facts.status.change": { who: only("facilitator", "chair"), whenClosed: false },
  // Positions are a party's, written by its own delegates only (own party checked in the command).
  "facts.position.record": { who: only("delegate"), whenClosed: false },
  "facts.link": { who: only("facilitator", "chair", "secretary", "delegate"), whenClosed: false },
  "facts.import": { who: only("facilitator"), whenClosed: false },
  "facts.questions.ask": { who: only("facilitator", "chair", "secretary", "delegate"), whenClosed: false },
  "facts.questions.answer": { who: only("facilitator", "chair", "secretary", "delegate"), whenClosed: false },
  // Joint problem definition. Everyone at the table reads the shared statement, every party's
  // perspective and the rounds, also once the table is closed.
  "problem.read": { who: everyone, whenClosed: true },
  // Drafting rights: the process roles and the parties' delegates; observers and the treasurer follow.
  "problem.write": { who: only(...DRAFTERS), whenClosed: false },
  "problem.freeze": { who: only(...DRAFTERS), whenClosed: false },
  "perspective.read": { who: everyone, whenClosed: true },
  // A perspective is its party's: only delegates write one, and only their own party's
  // (checked per document in features/docs/policy.ts).
  "perspective.write": { who: only("delegate"), whenClosed: false },
  "rounds.view": { who: everyone, whenClosed: true },
  // The chair (or the facilitator) runs a round; parties answer through their delegates only
  // (own party checked in features/decisions/round-policy.ts). The chair never answers.
  "rounds.open": { who: only("facilitator", "chair"), whenClosed: false },
  "rounds.close": { who: only("facilitator", "chair"), whenClosed: false },
  "rounds.answer": { who: only("delegate"), whenClosed: false },
};

export function can(actor: TableActor, action: TableAction, table: TableState): boolean {
  if ((PUBLIC_READS as readonly TableAction[]).includes(action)) return table.publicSummary || actor.kind === "member";
  if (actor.kind !== "member") return false;
  const rule = RULES[action as Exclude<TableAction, PublicRead>];
  if (table.status === "closed" && !rule.whenClosed) return false;
  return rule.who(actor);
}

/** Any signed-in person may convene a new table; they become its facilitator. */
export function canCreateTable(actor: { kind: "signed-out" } | { kind: "signed-in" }): boolean {
  return actor.kind === "signed-in";
}

export function actorFor(accountId: string | null, membership: { role: Role; partyType?: PartyType | null } | null): TableActor {
  if (!accountId) return { kind: "signed-out" };
  if (!membership) return { kind: "non-member" };
  return { kind: "member", role: membership.role, partyType: membership.partyType ?? null };
}

/**
 * Record-level rule for ending a membership (leaving, or a facilitator removing someone): why it
 * may not happen, or null. A table always keeps a facilitator, and nobody removes themselves —
 * they leave. `facilitators` counts the table's current facilitators, the target included.
 */
export function membershipEndProblem(end: {
  kind: "leave" | "remove";
  self: boolean;
  targetRole: Role;
  facilitators: number;
}): Extract<ErrorCode, "LAST_FACILITATOR" | "FORBIDDEN"> | null {
  if (end.kind === "remove" && end.self) return "FORBIDDEN";
  if (end.targetRole === "facilitator" && end.facilitators <= 1) return "LAST_FACILITATOR";
  return null;
}

/**
 * Record-level rule for answering a breach: only a delegate of the party whose commitment the
 * chair marked as breached, and only once it is marked. The reply is the party's own record beside
 * the chair's note; nobody else answers for the party, and the chair's note is never changed.
 */
export function breachResponseProblem(
  actor: { role: Role; partyId: string | null },
  commitment: { partyId: string; status: CommitmentStatus },
): Extract<ErrorCode, "FORBIDDEN" | "COMMITMENT_NOT_BREACHED"> | null {
  if (actor.role !== "delegate" || actor.partyId !== commitment.partyId) return "FORBIDDEN";
  if (commitment.status !== "breached") return "COMMITMENT_NOT_BREACHED";
  return null;
}

/**
 * Record-level rule for vouching: the party's contact (a delegate of that party marked as its
 * contact) vouches for another current member of the same party, once. Nobody else vouches —
 * not the facilitator, not another party's contact — so a vouch always is the contact's word.
 */
export function vouchProblem(
  actor: { membershipId: string; role: Role; partyId: string | null; partyContact: boolean },
  target: { membershipId: string; partyId: string | null; vouched: boolean },
): Extract<ErrorCode, "FORBIDDEN" | "ALREADY_VOUCHED"> | null {
  if (actor.role !== "delegate" || !actor.partyContact || !actor.partyId) return "FORBIDDEN";
  if (target.membershipId === actor.membershipId || target.partyId !== actor.partyId) return "FORBIDDEN";
  if (target.vouched) return "ALREADY_VOUCHED";
  return null;
}

/**
 * Record-level rule for an invitation from a party's contact (the facilitator invites anyone):
 * the contact invites only a delegate of their own party — someone new, or someone of the party
 * who lost their way in (no email, no recovery code) and starts again with a new account. The
 * contact decides who speaks for the party, as they vouch for its people.
 */
export function contactInvitationProblem(
  actor: { role: Role; partyId: string | null; partyContact: boolean },
  invitation: { role: Role; partyId: string | null },
): Extract<ErrorCode, "FORBIDDEN"> | null {
  if (actor.role !== "delegate" || !actor.partyContact || !actor.partyId) return "FORBIDDEN";
  if (invitation.role !== "delegate" || invitation.partyId !== actor.partyId) return "FORBIDDEN";
  return null;
}

/** Who can be marked as a party's contact: a current delegate who takes part for a party. */
export function mayBePartyContact(target: { role: Role; partyId: string | null }): boolean {
  return target.role === "delegate" && target.partyId !== null;
}

/**
 * Record-level rule for archiving (asked with "table.status.change", the facilitator's): only a
 * closed table, once, and not while someone is still to be paid directly — archiving deletes the
 * payout details that payment needs.
 */
export function archiveProblem(
  table: { status: TableStatus; archivedAt: Date | null },
  directPayoutOpen: boolean,
): Extract<ErrorCode, "TABLE_ARCHIVED" | "TABLE_NOT_CLOSED" | "ARCHIVE_PAYOUT_OPEN"> | null {
  if (table.archivedAt) return "TABLE_ARCHIVED";
  if (table.status !== "closed") return "TABLE_NOT_CLOSED";
  if (directPayoutOpen) return "ARCHIVE_PAYOUT_OPEN";
  return null;
}

/** An archived table stays closed until the facilitator takes it out of the archive. */
export function statusChangeProblem(table: { archivedAt: Date | null }): Extract<ErrorCode, "TABLE_ARCHIVED"> | null {
  return table.archivedAt ? "TABLE_ARCHIVED" : null;
}

export function unarchiveProblem(table: { archivedAt: Date | null }): Extract<ErrorCode, "TABLE_NOT_ARCHIVED"> | null {
  return table.archivedAt ? null : "TABLE_NOT_ARCHIVED";
}
