import { describe, expect, it } from "vitest";
import type { PartyType } from "../../generated/prisma/enums.ts";
import { ANSWER_SCALE, type CountedParty, canOpenRound, DECISION_RULES, evaluateRound, type RoundAnswer } from "./rules.ts";

const S = "support";
const R = "support_with_reservations";
const A = "stand_aside";
const C = "cannot_support";
const _ = null;

function parties(answers: (RoundAnswer | null)[], types: PartyType[] = []): CountedParty[] {
  return answers.map((answer, index) => ({
    partyId: `p${index}`,
    partyType: types[index] ?? "municipality_department",
    answer,
    reason: answer === C ? `bezwaar ${index}` : "",
  }));
}

// Each row: the counted parties' answers, and whether each rule passes (all_or_most, consent, unanimity).
const CASES: [(RoundAnswer | null)[], boolean, boolean, boolean][] = [
  [[S, S], true, true, true],
  [[S, R], true, true, true],
  [[S, A], false, true, false],
  [[S, _], false, true, false],
  [[S, C], false, false, false],
  [[A, A], false, false, false],
  [[_, _], false, false, false],
  [[S, S, S], true, true, true],
  // Two of three is exactly two thirds: 3 × 2 ≥ 2 × 3.
  [[S, S, C], true, false, false],
  [[S, S, A], true, true, false],
  [[S, A, A], false, true, false],
  [[S, S, _], true, true, false],
  [[R, R, R], true, true, true],
  // Five of seven: 15 ≥ 14 passes; four of seven: 12 < 14 does not.
  [[S, S, S, S, S, C, C], true, false, false],
  [[S, S, S, S, A, C, C], false, false, false],
  [[S, S, S, S, A, A, A], false, true, false],
  // Six of nine is exactly two thirds again; five of nine is not.
  [[S, S, S, S, S, S, C, C, C], true, false, false],
  [[S, S, S, S, S, _, C, C, C], false, false, false],
];

describe("decision rules", () => {
  it.each(CASES)("answers %j: all or most %s, consent %s, unanimity %s", (answers, allOrMost, consent, unanimity) => {
    const expected = { all_or_most: allOrMost, consent, unanimity };
    for (const rule of DECISION_RULES) expect(evaluateRound(rule, parties(answers)).passed, rule).toBe(expected[rule]);
  });

  it("need at least two counted parties under every rule", () => {
    expect(canOpenRound(1)).toBe(false);
    expect(canOpenRound(2)).toBe(true);
    for (const rule of DECISION_RULES) {
      expect(evaluateRound(rule, parties([S])).passed, rule).toBe(false);
      expect(evaluateRound(rule, parties([])).passed, rule).toBe(false);
    }
  });

  it("count every answer on the shared scale, and parties without an answer", () => {
    const result = evaluateRound("all_or_most", parties([S, R, A, C, _, S]));
    expect(result.tally).toEqual({ support: 2, support_with_reservations: 1, stand_aside: 1, cannot_support: 1, no_answer: 1 });
    expect(result.counted).toBe(6);
    expect(result.supporting).toBe(3);
    expect(Object.keys(result.tally)).toEqual([...ANSWER_SCALE, "no_answer"]);
  });

  it("keep every objection visible with its reason, even when the round passes", () => {
    const result = evaluateRound("all_or_most", parties([S, S, S, S, S, C]));
    expect(result.passed).toBe(true);
    expect(result.objections).toEqual([
      { partyId: "p5", partyType: "municipality_department", reason: "bezwaar 5", sexWorkerParty: false },
    ]);
    expect(result.sexWorkerObjection).toBe(false);
  });

  it("flag an objection by a sex worker party for the headline", () => {
    for (const type of ["sex_worker_organisation", "sex_workers_individual"] as const) {
      const result = evaluateRound("all_or_most", parties([S, S, S, C], ["police", "operators", "residents", type]));
      expect(result.passed).toBe(true);
      expect(result.sexWorkerObjection).toBe(true);
      expect(result.objections[0]).toMatchObject({ partyId: "p3", sexWorkerParty: true, reason: "bezwaar 3" });
    }
    expect(evaluateRound("consent", parties([S, A], ["sex_worker_organisation", "police"])).sexWorkerObjection).toBe(false);
  });
});
