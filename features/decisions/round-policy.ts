// Record-level rules of rounds, beside the role × action rules in features/tables/policy.ts
// (rounds.*). Pure functions over plain data, tested as matrices in round-policy.test.ts; the
// commands ask them before writing and the page before offering a control.
import type { ErrorCode } from "../shared/app-error.ts";
import type { Role } from "../tables/model.ts";
import { canOpenRound, type RoundAnswer } from "./rules.ts";

export type RoundActor = { role: Role; partyId: string | null };

export type RoundState = {
  closedAt: Date | null;
  deadline: Date;
  countedPartyIds: readonly string[];
};

const MODERATORS: readonly Role[] = ["facilitator", "chair"];

/** A round is over once it was closed or its deadline passed, whether or not that was recorded yet. */
export function isRoundOver(round: Pick<RoundState, "closedAt" | "deadline">, now: Date): boolean {
  return round.closedAt !== null || round.deadline.getTime() <= now.getTime();
}

/**
 * Why this member may not answer, or null. The party answered for is always the actor's own,
 * from their membership; the chair and the facilitator never answer for a party.
 */
export function answerRefusal(actor: RoundActor, round: RoundState, now: Date): ErrorCode | null {
  if (actor.role !== "delegate") return "FORBIDDEN";
  if (!actor.partyId) return "NO_PARTY_TO_SPEAK_FOR";
  if (isRoundOver(round, now)) return "ROUND_CLOSED";
  if (!round.countedPartyIds.includes(actor.partyId)) return "ROUND_PARTY_NOT_COUNTED";
  return null;
}

/** Answers that need their reason: a reservation, standing aside or an objection. */
export function reasonRequired(answer: RoundAnswer): boolean {
  return answer !== "support";
}

export type OpenContext = {
  countedParties: number;
  /** The version asked about is the document's latest. */
  latestVersion: boolean;
  /** Another round on the same document is still open. */
  openRoundOnDoc: boolean;
  /** This version already had its round: a new version starts a new round. */
  roundForVersion: boolean;
  deadline: Date;
  now: Date;
};

export function openRefusal(actor: RoundActor, context: OpenContext): ErrorCode | null {
  if (!MODERATORS.includes(actor.role)) return "FORBIDDEN";
  if (context.roundForVersion) return "ROUND_EXISTS_FOR_VERSION";
  if (!context.latestVersion) return "ROUND_VERSION_NOT_LATEST";
  if (context.openRoundOnDoc) return "ROUND_ALREADY_OPEN";
  if (context.deadline.getTime() <= context.now.getTime()) return "ROUND_DEADLINE_INVALID";
  if (!canOpenRound(context.countedParties)) return "ROUND_TOO_FEW_PARTIES";
  return null;
}

export function closeRefusal(actor: RoundActor, round: Pick<RoundState, "closedAt" | "deadline">, now: Date): ErrorCode | null {
  if (!MODERATORS.includes(actor.role)) return "FORBIDDEN";
  if (isRoundOver(round, now)) return "ROUND_CLOSED";
  return null;
}
