import { describe, expect, it } from "vitest";
import type { FactStatus } from "../../generated/prisma/enums.ts";
import { FACT_STATUSES } from "./model.ts";
import {
  evaluateFact,
  type FactActor,
  type FactFacts,
  mayAnswerQuestion,
  mayEditFact,
  mayEditWording,
  mayRemoveLink,
  mayWithdrawQuestion,
  positionPartyFor,
  STANCE_ANSWER,
  statusChangeRefusal,
  statusOptions,
} from "./policy.ts";

const Y = true;
const N = false;
const OWN = "party-own";
const OTHER = "party-other";

const ACTORS: Record<string, FactActor> = {
  facilitator: { role: "facilitator", membershipId: "m-fac", partyId: null },
  chair: { role: "chair", membershipId: "m-chair", partyId: null },
  secretary: { role: "secretary", membershipId: "m-sec", partyId: null },
  "delegate of the proposing party": { role: "delegate", membershipId: "m-own", partyId: OWN },
  "delegate of another party": { role: "delegate", membershipId: "m-other", partyId: OTHER },
  "delegate without a party": { role: "delegate", membershipId: "m-none", partyId: null },
  observer: { role: "observer", membershipId: "m-obs", partyId: OWN },
  treasurer: { role: "treasurer", membershipId: "m-tr", partyId: null },
};

const fact = (status: FactStatus, overrides: Partial<FactFacts> = {}): FactFacts => ({
  status,
  proposedByPartyId: OWN,
  hasSource: true,
  percentage: true,
  hasDenominator: true,
  citationWording: "Tussen 5.000 en 7.500 mogelijke slachtoffers per jaar, een schatting van de NRM.",
  ...overrides,
});

//                                           proposed under_discussion agreed agreed_to_disagree retired
const EDIT: Record<string, boolean[]> = {
  facilitator: /*                         */ [Y, Y, N, N, N],
  chair: /*                               */ [Y, Y, N, N, N],
  secretary: /*                           */ [Y, Y, N, N, N],
  "delegate of the proposing party": /*   */ [Y, N, N, N, N],
  "delegate of another party": /*         */ [N, N, N, N, N],
  "delegate without a party": /*          */ [N, N, N, N, N],
  observer: /*                            */ [N, N, N, N, N],
  treasurer: /*                           */ [N, N, N, N, N],
};
const WORDING: Record<string, boolean[]> = {
  facilitator: /*                         */ [Y, Y, N, N, N],
  chair: /*                               */ [Y, Y, N, N, N],
  secretary: /*                           */ [Y, Y, N, N, N],
  "delegate of the proposing party": /*   */ [N, N, N, N, N],
  "delegate of another party": /*         */ [N, N, N, N, N],
  "delegate without a party": /*          */ [N, N, N, N, N],
  observer: /*                            */ [N, N, N, N, N],
  treasurer: /*                           */ [N, N, N, N, N],
};
// The party a position is recorded for: the actor's own, or nobody.
const POSITION: Record<string, (string | null)[]> = {
  facilitator: /*                         */ [null, null, null, null, null],
  chair: /*                               */ [null, null, null, null, null],
  secretary: /*                           */ [null, null, null, null, null],
  "delegate of the proposing party": /*   */ [OWN, OWN, OWN, OWN, null],
  "delegate of another party": /*         */ [OTHER, OTHER, OTHER, OTHER, null],
  "delegate without a party": /*          */ [null, null, null, null, null],
  observer: /*                            */ [null, null, null, null, null],
  treasurer: /*                           */ [null, null, null, null, null],
};

describe("fact record policy", () => {
  it("covers every status", () => {
    expect(FACT_STATUSES).toEqual(["proposed", "under_discussion", "agreed", "agreed_to_disagree", "retired"]);
  });

  for (const [who, actor] of Object.entries(ACTORS)) {
    FACT_STATUSES.forEach((status, index) => {
      it(`${who} ${EDIT[who]?.[index] ? "may" : "may not"} edit a ${status} record`, () => {
        expect(mayEditFact(actor, fact(status))).toBe(EDIT[who]?.[index]);
      });
      it(`${who} ${WORDING[who]?.[index] ? "may" : "may not"} draft the wording of a ${status} record`, () => {
        expect(mayEditWording(actor, fact(status))).toBe(WORDING[who]?.[index]);
      });
      it(`${who} records a position on a ${status} record for ${POSITION[who]?.[index] ?? "nobody"}`, () => {
        expect(positionPartyFor(actor, fact(status))).toBe(POSITION[who]?.[index]);
      });
    });
  }

  it("never lets a delegate edit a record another party or a process role proposed", () => {
    const delegate = ACTORS["delegate of the proposing party"] as FactActor;
    expect(mayEditFact(delegate, fact("proposed", { proposedByPartyId: null }))).toBe(false);
    expect(mayEditFact(delegate, fact("proposed", { proposedByPartyId: OTHER }))).toBe(false);
  });
});

describe("status changes", () => {
  const open = { passed: true, tally: { support: 2, support_with_reservations: 1, stand_aside: 0, cannot_support: 1, no_answer: 0 } };
  // For the chair with everything in place: which moves are possible at all.
  //                          to: proposed under_discussion agreed agreed_to_disagree retired
  const MOVES: Record<FactStatus, boolean[]> = {
    proposed: /*            */ [N, Y, N, N, Y],
    under_discussion: /*    */ [N, N, Y, Y, Y],
    agreed: /*              */ [N, Y, N, N, Y],
    agreed_to_disagree: /*  */ [N, Y, N, N, Y],
    retired: /*             */ [Y, N, N, N, N],
  };
  for (const from of FACT_STATUSES) {
    FACT_STATUSES.forEach((to, index) => {
      const allowed = MOVES[from][index];
      it(`the chair ${allowed ? "may" : "may not"} move a record from ${from} to ${to}`, () => {
        const refusal = statusChangeRefusal(ACTORS.chair as FactActor, fact(from), to, { result: open, reason: "Dubbel ingevoerd" });
        expect(refusal).toBe(allowed ? null : "FACT_TRANSITION_INVALID");
      });
    });
  }

  for (const [who, actor] of Object.entries(ACTORS)) {
    const moderates = who === "chair" || who === "facilitator";
    it(`${who} ${moderates ? "moderates" : "does not moderate"} the statuses`, () => {
      expect(statusChangeRefusal(actor, fact("proposed"), "under_discussion", { result: open, reason: "" })).toBe(
        moderates ? null : "FORBIDDEN",
      );
      expect(statusOptions(actor, fact("proposed"), open).length > 0).toBe(moderates);
    });
  }

  const chair = ACTORS.chair as FactActor;
  it("keeps a figure without a source in proposed, but lets it be retired", () => {
    expect(statusChangeRefusal(chair, fact("proposed", { hasSource: false }), "under_discussion", { result: open, reason: "" })).toBe(
      "FACT_SOURCE_REQUIRED",
    );
    expect(statusChangeRefusal(chair, fact("proposed", { hasSource: false }), "retired", { result: open, reason: "Geen bron" })).toBe(null);
  });

  it("refuses to agree a share without a denominator, unless the table marked it unknown", () => {
    const share = fact("under_discussion", { hasDenominator: false });
    expect(statusChangeRefusal(chair, share, "agreed", { result: open, reason: "" })).toBe("FACT_DENOMINATOR_REQUIRED");
    expect(statusChangeRefusal(chair, { ...share, percentage: false }, "agreed", { result: open, reason: "" })).toBe(null);
    // hasDenominator is true when the table recorded "denominator unknown".
    expect(statusChangeRefusal(chair, { ...share, hasDenominator: true }, "agreed", { result: open, reason: "" })).toBe(null);
  });

  it("agrees only with a citation wording and when the decision rule is met", () => {
    expect(statusChangeRefusal(chair, fact("under_discussion", { citationWording: " " }), "agreed", { result: open, reason: "" })).toBe(
      "FACT_WORDING_REQUIRED",
    );
    expect(statusChangeRefusal(chair, fact("under_discussion"), "agreed", { result: { ...open, passed: false }, reason: "" })).toBe(
      "FACT_RULE_NOT_MET",
    );
  });

  it("agrees to disagree only when a party disputes, and retires only with a reason", () => {
    const calm = { passed: false, tally: { ...open.tally, cannot_support: 0 } };
    expect(statusChangeRefusal(chair, fact("under_discussion"), "agreed_to_disagree", { result: calm, reason: "" })).toBe(
      "FACT_NO_DISAGREEMENT",
    );
    expect(statusChangeRefusal(chair, fact("agreed"), "retired", { result: open, reason: "  " })).toBe("FACT_RETIRE_REASON_REQUIRED");
  });

  it("offers the chair every move with what still stands in its way", () => {
    const options = statusOptions(chair, fact("under_discussion", { citationWording: "" }), open);
    expect(options).toEqual([
      { to: "agreed", refusal: "FACT_WORDING_REQUIRED" },
      { to: "agreed_to_disagree", refusal: null },
      { to: "retired", refusal: null },
    ]);
  });
});

describe("positions on the decision scale", () => {
  it("maps every stance explicitly", () => {
    expect(STANCE_ANSWER).toEqual({
      accepts: "support",
      accepts_with_caveat: "support_with_reservations",
      no_position: "stand_aside",
      disputes: "cannot_support",
    });
  });

  const parties = (stances: (keyof typeof STANCE_ANSWER | null)[]) =>
    stances.map((stance, index) => ({
      partyId: `p${index}`,
      partyType: index === 0 ? ("sex_worker_organisation" as const) : ("residents" as const),
      stance,
      reasoning: stance === "disputes" ? "Onbekende herkomst" : "",
    }));

  it("passes all or most with two thirds accepting, a caveat counting as support", () => {
    expect(evaluateFact("all_or_most", parties(["disputes", "accepts", "accepts_with_caveat"])).passed).toBe(true);
    expect(evaluateFact("all_or_most", parties(["disputes", "accepts", "no_position"])).passed).toBe(false);
    // A counted party without a position has no answer, which is not support.
    expect(evaluateFact("all_or_most", parties(["accepts", "accepts", null, null])).passed).toBe(false);
  });

  it("keeps a sex worker party's dispute visible in the result", () => {
    const result = evaluateFact("all_or_most", parties(["disputes", "accepts", "accepts"]));
    expect(result.sexWorkerObjection).toBe(true);
    expect(result.objections).toEqual([expect.objectContaining({ partyId: "p0", reason: "Onbekende herkomst" })]);
  });

  it("lets no position stand aside under consent but not under unanimity", () => {
    expect(evaluateFact("consent", parties(["no_position", "accepts"])).passed).toBe(true);
    expect(evaluateFact("unanimity", parties(["no_position", "accepts"])).passed).toBe(false);
    expect(evaluateFact("consent", parties(["disputes", "accepts", "accepts"])).passed).toBe(false);
  });
});

describe("links and questions", () => {
  it("lets the process roles and the link's author remove a link", () => {
    expect(mayRemoveLink(ACTORS.secretary as FactActor, { createdBy: "m-own" })).toBe(true);
    expect(mayRemoveLink(ACTORS["delegate of the proposing party"] as FactActor, { createdBy: "m-own" })).toBe(true);
    expect(mayRemoveLink(ACTORS["delegate of another party"] as FactActor, { createdBy: "m-own" })).toBe(false);
  });

  //                                      assigned to own party, to another party, to nobody, withdrawn
  const ANSWER: Record<string, boolean[]> = {
    facilitator: /*                     */ [Y, Y, Y, N],
    chair: /*                           */ [Y, Y, Y, N],
    secretary: /*                       */ [Y, Y, Y, N],
    "delegate of the proposing party": [Y, N, N, N],
    "delegate of another party": /*     */ [N, Y, N, N],
    "delegate without a party": /*      */ [N, N, N, N],
    observer: /*                        */ [N, N, N, N],
    treasurer: /*                       */ [N, N, N, N],
  };
  const questions = [
    { assigneePartyId: OWN, withdrawn: false },
    { assigneePartyId: OTHER, withdrawn: false },
    { assigneePartyId: null, withdrawn: false },
    { assigneePartyId: OWN, withdrawn: true },
  ];
  for (const [who, actor] of Object.entries(ACTORS)) {
    it(`${who} answers the questions assigned to them`, () => {
      expect(questions.map((question) => mayAnswerQuestion(actor, question))).toEqual(ANSWER[who]);
    });
  }

  it("lets the asker or a moderator withdraw an open question", () => {
    const question = { createdBy: "m-own", withdrawn: false, answered: false };
    expect(mayWithdrawQuestion(ACTORS["delegate of the proposing party"] as FactActor, question)).toBe(true);
    expect(mayWithdrawQuestion(ACTORS.chair as FactActor, question)).toBe(true);
    expect(mayWithdrawQuestion(ACTORS.secretary as FactActor, question)).toBe(false);
    expect(mayWithdrawQuestion(ACTORS.chair as FactActor, { ...question, answered: true })).toBe(false);
  });
});
