// Who may do what in participation, and to which record. Pure functions over plain data, tested as
// matrices in policy.test.ts. Commands ask them before writing, queries before shaping what a
// reader sees; pages only show what the queries allowed.
//
// Two kinds of rule live here:
// - role × action × table status: may a chair set an intended form on a closed table?
// - record level: may *this* delegate correct *this* assessment, read *this* confidential text,
//   and how is *this* contribution attributed when it is shown?
import type { Attribution, TableStatus } from "../../generated/prisma/enums.ts";
import type { Role } from "../tables/model.ts";
import { PERCEPTION_EDIT_WINDOW_MS } from "./model.ts";

export const PARTICIPATION_ACTIONS = [
  "participation.intended.set",
  "participation.perception.record",
  "participation.agenda.add",
  "participation.conditions.answer",
] as const;
export type ParticipationAction = (typeof PARTICIPATION_ACTIONS)[number];

/** A member as far as these rules care: their membership id, role and the party they take part for. */
export type ParticipationActor = { id: string; role: Role; partyId: string | null };

/** The roles that run the process. They moderate and design it; they never speak for a party. */
export const PROCESS_OWNER_ROLES = ["facilitator", "chair"] as const satisfies readonly Role[];
export type ProcessOwnerRole = (typeof PROCESS_OWNER_ROLES)[number];

const isProcessOwner = (role: Role): role is ProcessOwnerRole => (PROCESS_OWNER_ROLES as readonly Role[]).includes(role);

// Nothing in participation changes on a closed table.
const WHO: Record<ParticipationAction, (role: Role) => boolean> = {
  // The process owners set what each party's participation is meant to be, put gaps on the
  // chair's list and define activities...
  "participation.intended.set": isProcessOwner,
  "participation.agenda.add": isProcessOwner,
  // ...but only a party's own delegates say how it was experienced.
  "participation.perception.record": (role) => role === "delegate",
  // Delegates answer the conditions for their own party; process owners answer for themselves.
  "participation.conditions.answer": (role) => role === "delegate" || isProcessOwner(role),
};

export function canParticipate(actor: { role: Role }, action: ParticipationAction, table: { status: TableStatus }): boolean {
  return table.status !== "closed" && WHO[action](actor.role);
}

/** The party a member speaks for: a delegate, for their own party. Nobody else speaks for a party. */
export function partyVoiceOf(actor: Pick<ParticipationActor, "role" | "partyId">): string | null {
  return actor.role === "delegate" ? actor.partyId : null;
}

export type ConditionVoice = { kind: "party"; partyId: string } | { kind: "process"; role: ProcessOwnerRole };

/**
 * Whose answer to a condition a member gives. A delegate answers for their own party, for the
 * whole table or a phase. The chair and the facilitator answer only whole-table questions, as
 * themselves: their answer stands under their role, never in a party's column.
 */
export function conditionVoiceOf(
  actor: Pick<ParticipationActor, "role" | "partyId">,
  scope: { phaseId: string | null },
): ConditionVoice | null {
  const party = partyVoiceOf(actor);
  if (party) return { kind: "party", partyId: party };
  if (isProcessOwner(actor.role) && scope.phaseId === null) return { kind: "process", role: actor.role };
  return null;
}

/** A confidential explanation is for the chair, and for the delegates of the party that wrote it. */
export function mayReadConfidential(actor: Pick<ParticipationActor, "role" | "partyId">, record: { partyId: string | null }): boolean {
  if (actor.role === "chair") return true;
  const party = partyVoiceOf(actor);
  return party !== null && party === record.partyId;
}

/** What a confidential text shows to a reader who may not read it. */
export function visibleText(
  actor: Pick<ParticipationActor, "role" | "partyId">,
  record: { partyId: string | null; confidential: boolean; text: string },
): string {
  return record.confidential && !mayReadConfidential(actor, record) ? "" : record.text;
}

export type CorrectionVerdict = "correct" | "new_assessment" | "forbidden";

/**
 * Correcting an assessment: only its author, while still a delegate of its party. Within 24 hours
 * of recording it the assessment is corrected (its earlier text kept as a revision); later the
 * correction becomes a new dated assessment, so the trend stays visible.
 */
export function perceptionCorrection(
  actor: ParticipationActor,
  perception: { recordedBy: string; partyId: string; createdAt: Date },
  now: Date,
): CorrectionVerdict {
  if (actor.id !== perception.recordedBy || partyVoiceOf(actor) !== perception.partyId) return "forbidden";
  return now.getTime() - perception.createdAt.getTime() < PERCEPTION_EDIT_WINDOW_MS ? "correct" : "new_assessment";
}

export type Voice =
  | { kind: "person"; pseudonym: string }
  | { kind: "party"; partyId: string | null }
  /** Someone of the party, chosen to be neither named nor the organisation's word. */
  | { kind: "anonymous"; partyId: string | null }
  | { kind: "process"; role: ProcessOwnerRole }
  | { kind: "former" };

/**
 * Whom a party contribution names. The person only when the record says "person" and they are
 * still a member; anything else — organisation, a missing or unknown attribution — names the party.
 */
export function contributionVoice(
  record: { attribution: Attribution | string | null | undefined; partyId: string | null },
  author: { pseudonym: string } | null,
): Voice {
  if (record.attribution === "person") return author ? { kind: "person", pseudonym: author.pseudonym } : { kind: "former" };
  if (record.attribution === "anonymous") return { kind: "anonymous", partyId: record.partyId };
  return { kind: "party", partyId: record.partyId };
}

/** Audit actions that record something for a party. Whoever did them, the log names the party. */
export const PARTY_VOICE_ACTIONS = [
  "participation.perception_recorded",
  "participation.perception_corrected",
  "participation.condition_answered",
] as const;

/**
 * Whom the activity log names for an event. For a party's contribution that is the party, unless
 * the event records that the person chose to be named; events written before attribution was
 * recorded carry none and so name the party too. A delegate acting for their own party in any
 * other domain (a commitment, a position) is treated the same way, so a new kind of contribution
 * cannot out anyone by default. Everything else — running the table — names the member.
 */
export function activityVoice(
  event: { action: string; data: Record<string, unknown> },
  actor: { role: Role; partyId: string | null; pseudonym: string } | null,
): Voice | null {
  const { data } = event;
  const by = typeof data.by === "string" ? data.by : null;
  const party = typeof data.party === "string" ? data.party : null;
  if ((PARTY_VOICE_ACTIONS as readonly string[]).includes(event.action)) {
    if (typeof data.as === "string" && isProcessOwner(data.as as Role)) return { kind: "process", role: data.as as ProcessOwnerRole };
    return contributionVoice({ attribution: data.attribution as string | undefined, partyId: party ?? actor?.partyId ?? null }, actor);
  }
  if (by && party && actor && partyVoiceOf(actor) === party) {
    return contributionVoice({ attribution: data.attribution as string | undefined, partyId: party }, actor);
  }
  if (!by && !(event.action === "membership.joined" && typeof data.membership === "string")) return null;
  return actor ? { kind: "person", pseudonym: actor.pseudonym } : { kind: "former" };
}
