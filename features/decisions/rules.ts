// The table's decision rules, evaluated over the answers of parties — never of persons. Every
// round in Tafel (endorsing a problem statement, a consensus check in a meeting, a measure) uses
// this one module, so a rule means the same everywhere and its help text can state it exactly.
import type { DecisionRule, PartyType } from "../../generated/prisma/enums.ts";
import { SEX_WORKER_PARTY_TYPES } from "../tables/parties.ts";

/** One scale shared by every round. */
export const ANSWER_SCALE = ["support", "support_with_reservations", "stand_aside", "cannot_support"] as const;
export type RoundAnswer = (typeof ANSWER_SCALE)[number];

export const DECISION_RULES = ["all_or_most", "consent", "unanimity"] as const satisfies readonly DecisionRule[];

/** Every rule needs at least this many counted parties, or the round cannot be opened. */
export const MIN_COUNTED_PARTIES = 2;

/**
 * A party counted in a round: one with at least one active delegate when the round opened.
 * `answer` is null when it had not answered at close ("no answer").
 */
export type CountedParty = { partyId: string; partyType: PartyType; answer: RoundAnswer | null; reason: string };

export type RoundTally = Record<RoundAnswer | "no_answer", number>;

export type RoundResult = {
  rule: DecisionRule;
  passed: boolean;
  counted: number;
  supporting: number;
  tally: RoundTally;
  /** Every "cannot support", with its reason, always shown on the result. */
  objections: { partyId: string; partyType: PartyType; reason: string; sexWorkerParty: boolean }[];
  /** A sex worker party cannot support: the headline says so, whatever the rule decided. */
  sexWorkerObjection: boolean;
};

export function isSupporting(answer: RoundAnswer | null): boolean {
  return answer === "support" || answer === "support_with_reservations";
}

export function canOpenRound(countedParties: number): boolean {
  return countedParties >= MIN_COUNTED_PARTIES;
}

export function evaluateRound(rule: DecisionRule, parties: readonly CountedParty[]): RoundResult {
  const tally: RoundTally = { support: 0, support_with_reservations: 0, stand_aside: 0, cannot_support: 0, no_answer: 0 };
  for (const party of parties) tally[party.answer ?? "no_answer"] += 1;
  const counted = parties.length;
  const supporting = tally.support + tally.support_with_reservations;
  const objections = parties
    .filter((party) => party.answer === "cannot_support")
    .map((party) => ({
      partyId: party.partyId,
      partyType: party.partyType,
      reason: party.reason,
      sexWorkerParty: SEX_WORKER_PARTY_TYPES.includes(party.partyType),
    }));
  return {
    rule,
    passed: canOpenRound(counted) && passes(rule, { counted, supporting, cannotSupport: tally.cannot_support }),
    counted,
    supporting,
    tally,
    objections,
    sexWorkerObjection: objections.some((objection) => objection.sexWorkerParty),
  };
}

function passes(
  rule: DecisionRule,
  { counted, supporting, cannotSupport }: { counted: number; supporting: number; cannotSupport: number },
) {
  switch (rule) {
    // Every counted party supports; standing aside or not answering is not support.
    case "unanimity":
      return supporting === counted;
    // Nobody blocks and somebody supports; standing aside and no answer do not block.
    case "consent":
      return cannotSupport === 0 && supporting >= 1;
    // "Supported by all or most participants": at least two thirds, in integers.
    case "all_or_most":
      return 3 * supporting >= 2 * counted;
  }
}
