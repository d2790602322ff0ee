// Record-level rules of the fact register, beside the role × action rules in
// features/tables/policy.ts (facts.*). Pure functions over plain data, tested as matrices in
// policy.test.ts; commands ask them before writing, pages before offering a control.
import type { DecisionRule, FactStance, FactStatus, PartyType } from "../../generated/prisma/enums.ts";
import { type CountedParty, evaluateRound, type RoundAnswer, type RoundResult } from "../decisions/rules.ts";
import type { ErrorCode } from "../shared/app-error.ts";
import type { Role } from "../tables/model.ts";

/** Who is acting, as a member of the table. */
export type FactActor = { role: Role; membershipId: string; partyId: string | null };

/** What the rules need to know about a fact record. */
export type FactFacts = {
  status: FactStatus;
  proposedByPartyId: string | null;
  hasSource: boolean;
  percentage: boolean;
  hasDenominator: boolean;
  citationWording: string;
};

// The process roles keep the register; the chair and facilitator moderate its statuses.
const RECORDERS: readonly Role[] = ["facilitator", "chair", "secretary"];
const MODERATORS: readonly Role[] = ["facilitator", "chair"];

/**
 * Positions on the one scale every decision in Tafel uses (features/decisions/rules.ts):
 * accepting supports, accepting with a caveat supports with reservations, no position stands
 * aside, disputing cannot support. A counted party with no position on the current revision
 * has no answer.
 */
export const STANCE_ANSWER: Record<FactStance, RoundAnswer> = {
  accepts: "support",
  accepts_with_caveat: "support_with_reservations",
  no_position: "stand_aside",
  disputes: "cannot_support",
};

/** The moves between statuses; anything else is refused. Retired records can be reinstated. */
export const FACT_TRANSITIONS: Record<FactStatus, readonly FactStatus[]> = {
  proposed: ["under_discussion", "retired"],
  under_discussion: ["agreed", "agreed_to_disagree", "retired"],
  agreed: ["under_discussion", "retired"],
  agreed_to_disagree: ["under_discussion", "retired"],
  retired: ["proposed"],
};

/** Statuses in which a record's content and wording may still change. */
export const EDITABLE_STATUSES: readonly FactStatus[] = ["proposed", "under_discussion"];

/** A share needs its base: a denominator, or the table's explicit "denominator unknown". */
export function denominatorSettled(fact: Pick<FactFacts, "percentage" | "hasDenominator">): boolean {
  return !fact.percentage || fact.hasDenominator;
}

/**
 * May this member change the record's content? The process roles may while it is open; a
 * delegate may correct a figure their own party proposed, until discussion starts.
 */
export function mayEditFact(actor: FactActor, fact: Pick<FactFacts, "status" | "proposedByPartyId">): boolean {
  if (!EDITABLE_STATUSES.includes(fact.status)) return false;
  if (RECORDERS.includes(actor.role)) return true;
  return actor.role === "delegate" && fact.status === "proposed" && actor.partyId !== null && actor.partyId === fact.proposedByPartyId;
}

/** The citation wording is drafted by the process roles from what the table says; fixed once agreed. */
export function mayEditWording(actor: FactActor, fact: Pick<FactFacts, "status">): boolean {
  return RECORDERS.includes(actor.role) && EDITABLE_STATUSES.includes(fact.status);
}

/**
 * The party a position is recorded for: always the actor's own, from their membership — never
 * one named in a form. Null when the actor may not record one (not a delegate, no party, or the
 * record is retired). The chair and facilitator never answer for a party.
 */
export function positionPartyFor(actor: FactActor, fact: Pick<FactFacts, "status">): string | null {
  if (actor.role !== "delegate" || !actor.partyId) return null;
  if (fact.status === "retired") return null;
  return actor.partyId;
}

export function mayRemoveLink(actor: FactActor, link: { createdBy: string }): boolean {
  return RECORDERS.includes(actor.role) || link.createdBy === actor.membershipId;
}

export function mayAnswerQuestion(actor: FactActor, question: { assigneePartyId: string | null; withdrawn: boolean }): boolean {
  if (question.withdrawn) return false;
  if (RECORDERS.includes(actor.role)) return true;
  return actor.role === "delegate" && actor.partyId !== null && actor.partyId === question.assigneePartyId;
}

export function mayWithdrawQuestion(actor: FactActor, question: { createdBy: string; withdrawn: boolean; answered: boolean }): boolean {
  if (question.withdrawn || question.answered) return false;
  return MODERATORS.includes(actor.role) || question.createdBy === actor.membershipId;
}

/** The positions of the counted parties, evaluated with the table's decision rule. */
export type PartyPosition = { partyId: string; partyType: PartyType; stance: FactStance | null; reasoning: string };

export function evaluateFact(rule: DecisionRule, positions: readonly PartyPosition[]): RoundResult {
  const parties: CountedParty[] = positions.map((position) => ({
    partyId: position.partyId,
    partyType: position.partyType,
    answer: position.stance ? STANCE_ANSWER[position.stance] : null,
    reason: position.reasoning,
  }));
  return evaluateRound(rule, parties);
}

/**
 * Why this status change is refused, or null when it may go ahead. Checked in this order:
 * the actor's role, the move itself, then what the destination needs.
 */
export function statusChangeRefusal(
  actor: FactActor,
  fact: FactFacts,
  to: FactStatus,
  context: { result: Pick<RoundResult, "passed" | "tally">; reason: string },
): ErrorCode | null {
  if (!MODERATORS.includes(actor.role)) return "FORBIDDEN";
  if (!FACT_TRANSITIONS[fact.status].includes(to)) return "FACT_TRANSITION_INVALID";
  if (to === "retired") return context.reason.trim().length >= 3 ? null : "FACT_RETIRE_REASON_REQUIRED";
  // A figure without a source cannot leave "proposed".
  if (fact.status === "proposed" && !fact.hasSource) return "FACT_SOURCE_REQUIRED";
  if (to === "agreed") {
    if (!denominatorSettled(fact)) return "FACT_DENOMINATOR_REQUIRED";
    if (fact.citationWording.trim() === "") return "FACT_WORDING_REQUIRED";
    if (!context.result.passed) return "FACT_RULE_NOT_MET";
  }
  if (to === "agreed_to_disagree" && context.result.tally.cannot_support === 0) return "FACT_NO_DISAGREEMENT";
  return null;
}

/**
 * The moves a moderator is offered, each with what still stands in its way (null: possible now),
 * so the page can say why "agreed" is not yet available. Empty for everyone else.
 */
export function statusOptions(
  actor: FactActor,
  fact: FactFacts,
  result: Pick<RoundResult, "passed" | "tally">,
): { to: FactStatus; refusal: ErrorCode | null }[] {
  if (!MODERATORS.includes(actor.role)) return [];
  // The reason for retiring is asked in the form itself, so it does not stand in the way here.
  return FACT_TRANSITIONS[fact.status].map((to) => ({ to, refusal: statusChangeRefusal(actor, fact, to, { result, reason: "---" }) }));
}
