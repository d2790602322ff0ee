import { describe, expect, it } from "vitest";
import type { MeasureStatus } from "../../generated/prisma/enums.ts";
import { ROLES } from "../tables/model.ts";
import { TABLE_STATUSES } from "../tables/policy.ts";
import { MEASURE_STATUSES } from "./model.ts";
import {
  assessRefusal,
  canMeasure,
  checkCompleteness,
  checkCountsForProposal,
  decideReviewRefusal,
  evaluateRefusal,
  MEASURE_ACTIONS,
  type MeasureActor,
  measureTextOpen,
  mitigationRefusal,
  nextStatuses,
  OUTCOME_STATUS,
  openReviewRefusal,
  planRefusal,
  reportRefusal,
  type StepVia,
  transitionRefusal,
} from "./policy.ts";

const Y = true;
const N = false;
const SW = "party-rode-lantaarn";
const GEMEENTE = "party-gemeente";
const RAAD = "party-raad";
const BEWONERS = "party-bewoners";

const ACTORS = {
  facilitator: { role: "facilitator", partyId: null, partyType: null },
  chair: { role: "chair", partyId: null, partyType: null },
  secretary: { role: "secretary", partyId: null, partyType: null },
  "delegate of a sex worker organisation": { role: "delegate", partyId: SW, partyType: "sex_worker_organisation" },
  "delegate of a municipality department": { role: "delegate", partyId: GEMEENTE, partyType: "municipality_department" },
  "delegate of the council": { role: "delegate", partyId: RAAD, partyType: "council" },
  "delegate of residents": { role: "delegate", partyId: BEWONERS, partyType: "residents" },
  "delegate without a party": { role: "delegate", partyId: null, partyType: null },
  "observer from the municipality": { role: "observer", partyId: GEMEENTE, partyType: "municipality_department" },
  observer: { role: "observer", partyId: null, partyType: null },
  treasurer: { role: "treasurer", partyId: null, partyType: null },
} as const satisfies Record<string, MeasureActor>;
type ActorName = keyof typeof ACTORS;

/** Runs `check` for every actor, keyed by the actor's name. */
function byActor<T>(check: (actor: MeasureActor) => T): Record<ActorName, T> {
  return Object.fromEntries(Object.entries(ACTORS).map(([name, actor]) => [name, check(actor)])) as Record<ActorName, T>;
}

//      view draft freeze moderate override assess adopt mitigate plan report evaluate
const OPEN: Record<ActorName, boolean[]> = {
  facilitator: [Y, Y, Y, Y, N, N, Y, Y, Y, Y, N],
  chair: [Y, Y, Y, Y, Y, N, N, Y, Y, Y, N],
  secretary: [Y, Y, Y, N, N, N, N, Y, Y, Y, N],
  "delegate of a sex worker organisation": [Y, Y, Y, N, N, Y, N, N, N, Y, Y],
  "delegate of a municipality department": [Y, Y, Y, N, N, Y, Y, N, N, Y, Y],
  "delegate of the council": [Y, Y, Y, N, N, Y, Y, N, N, Y, Y],
  "delegate of residents": [Y, Y, Y, N, N, Y, N, N, N, Y, Y],
  "delegate without a party": [Y, Y, Y, N, N, Y, N, N, N, Y, Y],
  "observer from the municipality": [Y, N, N, N, N, N, N, N, N, N, N],
  observer: [Y, N, N, N, N, N, N, N, N, N, N],
  treasurer: [Y, N, N, N, N, N, N, N, N, N, N],
};

describe("measures: role × action × table status", () => {
  it("covers every role and every action", () => {
    expect([...new Set(Object.values(ACTORS).map((a) => a.role))].sort()).toEqual([...ROLES].sort());
    expect(MEASURE_ACTIONS).toHaveLength(11);
  });
  for (const status of TABLE_STATUSES) {
    for (const [name, row] of Object.entries(OPEN)) {
      it(`${name} on a table that is ${status}`, () => {
        // A closed table keeps its measures readable and nothing else.
        const expected = status === "closed" ? [Y, N, N, N, N, N, N, N, N, N, N] : row;
        const actor = ACTORS[name as ActorName];
        expect(MEASURE_ACTIONS.map((action) => canMeasure(actor, action, { status }))).toEqual(expected);
      });
    }
  }
});

describe("measures: the live text", () => {
  it("is drafted until the measure is proposed, and read-only after", () => {
    expect(Object.fromEntries(MEASURE_STATUSES.map((s) => [s, measureTextOpen(s)]))).toEqual({
      draft: Y,
      impact_check: Y,
      proposed: N,
      adopted: N,
      in_force: N,
      under_review: N,
      withdrawn: N,
    });
  });
});

const OK = null;
const SKIP = "MEASURE_STATUS_SKIPS";
const EARLY = "REVIEW_BEFORE_ADOPTION";
const VIAS: StepVia[] = ["status", "check", "adoption", "review"];
// What the facilitator (who moderates and may record adoptions) gets for each step with a complete
// check and a reason: exactly the allowed steps pass, each through its own command only.
//                                          status check adoption review
const STEP_TABLE: Record<MeasureStatus, Record<MeasureStatus, (string | null)[]>> = {
  draft: {
    draft: [SKIP, SKIP, SKIP, EARLY],
    impact_check: [SKIP, OK, SKIP, SKIP],
    proposed: [SKIP, SKIP, SKIP, EARLY],
    adopted: [SKIP, SKIP, SKIP, EARLY],
    in_force: [SKIP, SKIP, SKIP, EARLY],
    under_review: [SKIP, SKIP, SKIP, EARLY],
    withdrawn: [OK, SKIP, SKIP, SKIP],
  },
  impact_check: {
    draft: [OK, SKIP, SKIP, SKIP],
    impact_check: [SKIP, SKIP, SKIP, EARLY],
    proposed: [OK, SKIP, SKIP, SKIP],
    adopted: [SKIP, SKIP, SKIP, EARLY],
    in_force: [SKIP, SKIP, SKIP, EARLY],
    under_review: [SKIP, SKIP, SKIP, EARLY],
    withdrawn: [OK, SKIP, SKIP, SKIP],
  },
  proposed: {
    draft: [OK, SKIP, SKIP, SKIP],
    impact_check: [SKIP, SKIP, SKIP, EARLY],
    proposed: [SKIP, SKIP, SKIP, EARLY],
    adopted: [SKIP, SKIP, OK, SKIP],
    in_force: [SKIP, SKIP, SKIP, EARLY],
    under_review: [SKIP, SKIP, SKIP, EARLY],
    withdrawn: [OK, SKIP, SKIP, SKIP],
  },
  adopted: {
    draft: [SKIP, SKIP, SKIP, SKIP],
    impact_check: [SKIP, SKIP, SKIP, SKIP],
    proposed: [SKIP, SKIP, SKIP, SKIP],
    adopted: [SKIP, SKIP, SKIP, SKIP],
    in_force: [OK, SKIP, SKIP, SKIP],
    under_review: [SKIP, SKIP, SKIP, SKIP],
    withdrawn: [OK, SKIP, SKIP, SKIP],
  },
  in_force: {
    draft: [SKIP, SKIP, SKIP, SKIP],
    impact_check: [SKIP, SKIP, SKIP, SKIP],
    proposed: [SKIP, SKIP, SKIP, SKIP],
    adopted: [SKIP, SKIP, SKIP, SKIP],
    in_force: [SKIP, SKIP, SKIP, SKIP],
    under_review: [SKIP, SKIP, SKIP, OK],
    withdrawn: [OK, SKIP, SKIP, SKIP],
  },
  under_review: {
    draft: [SKIP, SKIP, SKIP, OK],
    impact_check: [SKIP, SKIP, SKIP, SKIP],
    proposed: [SKIP, SKIP, SKIP, SKIP],
    adopted: [SKIP, SKIP, SKIP, SKIP],
    in_force: [SKIP, SKIP, SKIP, OK],
    under_review: [SKIP, SKIP, SKIP, SKIP],
    withdrawn: [SKIP, SKIP, SKIP, OK],
  },
  withdrawn: {
    draft: [SKIP, SKIP, SKIP, SKIP],
    impact_check: [SKIP, SKIP, SKIP, SKIP],
    proposed: [SKIP, SKIP, SKIP, SKIP],
    adopted: [SKIP, SKIP, SKIP, SKIP],
    in_force: [SKIP, SKIP, SKIP, SKIP],
    under_review: [SKIP, SKIP, SKIP, SKIP],
    withdrawn: [SKIP, SKIP, SKIP, SKIP],
  },
};

const COMPLETE = { checkComplete: true, override: false, reason: "Zo afgesproken in de vergadering." };
const NO_REASON = { checkComplete: true, override: false, reason: "" };

describe("measures: which status may follow which", () => {
  for (const from of MEASURE_STATUSES) {
    it(`from ${from}`, () => {
      const got = Object.fromEntries(
        MEASURE_STATUSES.map((to) => [to, VIAS.map((via) => transitionRefusal(ACTORS.facilitator, from, to, via, COMPLETE))]),
      );
      expect(got).toEqual(STEP_TABLE[from]);
    });
  }

  it("offers the same next statuses as the steps that pass", () => {
    expect(Object.fromEntries(MEASURE_STATUSES.map((from) => [from, [...nextStatuses(from)].sort()]))).toEqual({
      draft: ["impact_check", "withdrawn"],
      impact_check: ["draft", "proposed", "withdrawn"],
      proposed: ["adopted", "draft", "withdrawn"],
      adopted: ["in_force", "withdrawn"],
      in_force: ["under_review", "withdrawn"],
      under_review: ["draft", "in_force", "withdrawn"],
      withdrawn: [],
    });
  });

  it("lets only the chair and the facilitator moderate, and only the facilitator or the body's officials adopt", () => {
    const steps: [MeasureStatus, MeasureStatus, StepVia][] = [
      ["draft", "impact_check", "check"],
      ["impact_check", "proposed", "status"],
      ["proposed", "adopted", "adoption"],
      ["adopted", "in_force", "status"],
      ["in_force", "under_review", "review"],
      ["proposed", "withdrawn", "status"],
    ];
    const F = "FORBIDDEN";
    //                                       check  propose adopt in_force review withdraw
    expect(byActor((actor) => steps.map(([from, to, via]) => transitionRefusal(actor, from, to, via, COMPLETE)))).toEqual({
      facilitator: [OK, OK, OK, OK, OK, OK],
      chair: [OK, OK, F, OK, OK, OK],
      secretary: [F, F, F, F, F, F],
      "delegate of a sex worker organisation": [F, F, F, F, F, F],
      "delegate of a municipality department": [F, F, OK, F, F, F],
      "delegate of the council": [F, F, OK, F, F, F],
      "delegate of residents": [F, F, F, F, F, F],
      "delegate without a party": [F, F, F, F, F, F],
      "observer from the municipality": [F, F, F, F, F, F],
      observer: [F, F, F, F, F, F],
      treasurer: [F, F, F, F, F, F],
    });
  });

  it("needs a reason to go back to drafting or to withdraw, and only then", () => {
    const steps: [MeasureStatus, MeasureStatus, StepVia][] = [
      ["impact_check", "draft", "status"],
      ["proposed", "draft", "status"],
      ["under_review", "draft", "review"],
      ["draft", "withdrawn", "status"],
      ["adopted", "withdrawn", "status"],
      ["in_force", "withdrawn", "status"],
      ["under_review", "withdrawn", "review"],
      ["impact_check", "proposed", "status"],
      ["adopted", "in_force", "status"],
      ["under_review", "in_force", "review"],
    ];
    const R = "MEASURE_REASON_REQUIRED";
    const reasons = ["", "   ", "ok", "Tekst herschrijven na de check."];
    expect(
      Object.fromEntries(
        steps.map(([from, to, via]) => [
          `${from}→${to}`,
          reasons.map((reason) => transitionRefusal(ACTORS.chair, from, to, via, { checkComplete: true, override: false, reason })),
        ]),
      ),
    ).toEqual({
      "impact_check→draft": [R, R, R, OK],
      "proposed→draft": [R, R, R, OK],
      "under_review→draft": [R, R, R, OK],
      "draft→withdrawn": [R, R, R, OK],
      "adopted→withdrawn": [R, R, R, OK],
      "in_force→withdrawn": [R, R, R, OK],
      "under_review→withdrawn": [R, R, R, OK],
      "impact_check→proposed": [OK, OK, OK, OK],
      "adopted→in_force": [OK, OK, OK, OK],
      "under_review→in_force": [OK, OK, OK, OK],
    });
  });

  it("proposes only with a complete impact check, unless the chair overrides with a reason", () => {
    const contexts = {
      complete: { checkComplete: true, override: false, reason: "" },
      "complete, override ticked without reason": { checkComplete: true, override: true, reason: "" },
      incomplete: { checkComplete: false, override: false, reason: "De raad beslist volgende week." },
      "incomplete, override with reason": { checkComplete: false, override: true, reason: "De raad beslist volgende week." },
      "incomplete, override without reason": { checkComplete: false, override: true, reason: " " },
    };
    const matrix = Object.fromEntries(
      (["chair", "facilitator", "secretary", "delegate of a municipality department"] as const).map((name) => [
        name,
        Object.values(contexts).map((context) => transitionRefusal(ACTORS[name], "impact_check", "proposed", "status", context)),
      ]),
    );
    const F = "FORBIDDEN";
    const I = "IMPACT_CHECK_INCOMPLETE";
    expect(matrix).toEqual({
      chair: [OK, OK, I, OK, "MEASURE_OVERRIDE_REASON_REQUIRED"],
      facilitator: [OK, OK, I, F, F],
      secretary: [F, F, F, F, F],
      "delegate of a municipality department": [F, F, F, F, F],
    });
  });

  it("moves a decided review on to the outcome's status", () => {
    expect(OUTCOME_STATUS).toEqual({ keep: "in_force", change: "draft", withdraw: "withdrawn" });
    for (const to of Object.values(OUTCOME_STATUS)) {
      expect(transitionRefusal(ACTORS.chair, "under_review", to, "review", COMPLETE)).toBeNull();
    }
    expect(transitionRefusal(ACTORS.chair, "under_review", "withdrawn", "review", NO_REASON)).toBe("MEASURE_REASON_REQUIRED");
  });
});

describe("measures: the impact check", () => {
  const T = new Date("2026-12-01T10:00:00Z");
  const open = { closedAt: null, countedPartyIds: [SW, GEMEENTE, BEWONERS] };
  const cases = {
    "open check": [open, "impact_check"],
    "no check yet": [null, "draft"],
    "closed check": [{ ...open, closedAt: T }, "impact_check"],
    "measure already proposed": [open, "proposed"],
    "party not counted": [{ closedAt: null, countedPartyIds: [SW, GEMEENTE] }, "impact_check"],
  } as const;

  it("lets a delegate answer for their own counted party while the check is open", () => {
    const F = "FORBIDDEN";
    const C = "IMPACT_CHECK_CLOSED";
    const P = "NO_PARTY_TO_SPEAK_FOR";
    const matrix = byActor((actor) => Object.values(cases).map(([check, status]) => assessRefusal(actor, check, status)));
    //                                         open  none closed proposed not-counted
    expect(matrix).toEqual({
      facilitator: [F, F, F, F, F],
      chair: [F, F, F, F, F],
      secretary: [F, F, F, F, F],
      "delegate of a sex worker organisation": [OK, C, C, C, OK],
      "delegate of a municipality department": [OK, C, C, C, OK],
      "delegate of the council": ["IMPACT_PARTY_NOT_COUNTED", C, C, C, "IMPACT_PARTY_NOT_COUNTED"],
      "delegate of residents": [OK, C, C, C, "IMPACT_PARTY_NOT_COUNTED"],
      "delegate without a party": [P, P, P, P, P],
      "observer from the municipality": [F, F, F, F, F],
      observer: [F, F, F, F, F],
      treasurer: [F, F, F, F, F],
    });
  });

  it("is complete once every counted party answered or declined", () => {
    const answered = { declined: false };
    const declined = { declined: true };
    const counted = [SW, GEMEENTE, BEWONERS];
    expect(checkCompleteness([], new Map())).toEqual({ complete: false, answered: 0, declined: 0, missing: [] });
    expect(checkCompleteness(counted, new Map())).toEqual({ complete: false, answered: 0, declined: 0, missing: counted });
    expect(checkCompleteness(counted, new Map([[SW, answered]]))).toEqual({
      complete: false,
      answered: 1,
      declined: 0,
      missing: [GEMEENTE, BEWONERS],
    });
    expect(
      checkCompleteness(
        counted,
        new Map([
          [SW, answered],
          [GEMEENTE, declined],
        ]),
      ),
    ).toEqual({ complete: false, answered: 1, declined: 1, missing: [BEWONERS] });
    expect(
      checkCompleteness(
        counted,
        new Map([
          [SW, answered],
          [GEMEENTE, declined],
          [BEWONERS, answered],
        ]),
      ),
    ).toEqual({ complete: true, answered: 2, declined: 1, missing: [] });
    // An answer from a party the check does not count changes nothing.
    expect(
      checkCompleteness(
        [SW],
        new Map([
          [SW, declined],
          [RAAD, answered],
        ]),
      ),
    ).toEqual({ complete: true, answered: 0, declined: 1, missing: [] });
  });

  it("lets the process roles record mitigations until the measure is adopted", () => {
    const F = "FORBIDDEN";
    const E = "MEASURE_NOT_EDITABLE";
    const matrix = byActor((actor) => MEASURE_STATUSES.map((status) => mitigationRefusal(actor, status)));
    //               draft check proposed adopted in_force under_review withdrawn
    const recorder = [OK, OK, OK, E, E, E, E];
    const nobody = [F, F, F, F, F, F, F];
    expect(matrix).toEqual({
      facilitator: recorder,
      chair: recorder,
      secretary: recorder,
      "delegate of a sex worker organisation": nobody,
      "delegate of a municipality department": nobody,
      "delegate of the council": nobody,
      "delegate of residents": nobody,
      "delegate without a party": nobody,
      "observer from the municipality": nobody,
      observer: nobody,
      treasurer: nobody,
    });
  });
});

describe("measures: a check that counts for proposing", () => {
  const complete = { complete: true };
  const incomplete = { complete: false };
  // [check, latest version, counts]
  const cases: [{ versionId: string; completeness: { complete: boolean } } | null, string | null, boolean][] = [
    [null, "v1", false],
    [{ versionId: "v1", completeness: complete }, "v1", true],
    [{ versionId: "v1", completeness: incomplete }, "v1", false],
    // A version frozen after the check was not checked.
    [{ versionId: "v1", completeness: complete }, "v2", false],
    [{ versionId: "v1", completeness: complete }, null, false],
  ];
  it.each(cases)("check %j on latest %s counts: %s", (check, latest, counts) => {
    expect(checkCountsForProposal(check, latest)).toBe(counts);
  });
});

describe("measures: monitoring", () => {
  it("lets the process roles plan monitoring once the measure is adopted", () => {
    const F = "FORBIDDEN";
    const B = "MONITORING_BEFORE_ADOPTION";
    const matrix = byActor((actor) => MEASURE_STATUSES.map((status) => planRefusal(actor, status)));
    //               draft check proposed adopted in_force under_review withdrawn
    const recorder = [B, B, B, OK, OK, OK, B];
    const nobody = [F, F, F, F, F, F, F];
    expect(matrix).toEqual({
      facilitator: recorder,
      chair: recorder,
      secretary: recorder,
      "delegate of a sex worker organisation": nobody,
      "delegate of a municipality department": nobody,
      "delegate of the council": nobody,
      "delegate of residents": nobody,
      "delegate without a party": nobody,
      "observer from the municipality": nobody,
      observer: nobody,
      treasurer: nobody,
    });
  });

  it("takes values from the reporting party's delegates and the process roles, once adopted", () => {
    const F = "FORBIDDEN";
    const B = "MONITORING_BEFORE_ADOPTION";
    const indicator = { reporterPartyId: GEMEENTE };
    const matrix = byActor((actor) => MEASURE_STATUSES.map((status) => reportRefusal(actor, indicator, status)));
    //               draft check proposed adopted in_force under_review withdrawn
    const reporter = [B, B, B, OK, OK, OK, B];
    const nobody = [F, F, F, F, F, F, F];
    expect(matrix).toEqual({
      facilitator: reporter,
      chair: reporter,
      secretary: reporter,
      "delegate of a sex worker organisation": nobody,
      "delegate of a municipality department": reporter,
      "delegate of the council": nobody,
      "delegate of residents": nobody,
      "delegate without a party": nobody,
      "observer from the municipality": nobody,
      observer: nobody,
      treasurer: nobody,
    });
  });
});

describe("measures: reviews", () => {
  const T = new Date("2027-06-01T10:00:00Z");
  const scheduled = { openedAt: null, decidedAt: null };
  const opened = { openedAt: T, decidedAt: null };
  const decided = { openedAt: T, decidedAt: T };

  it("are opened by the chair or the facilitator, once, on a measure in force", () => {
    const matrix = Object.fromEntries(
      (["chair", "facilitator"] as const).map((name) => [
        name,
        MEASURE_STATUSES.map((status) => openReviewRefusal(ACTORS[name], scheduled, status)),
      ]),
    );
    //                 draft  check  proposed adopted in_force under_review withdrawn
    const moderator = [EARLY, EARLY, EARLY, SKIP, OK, SKIP, SKIP];
    expect(matrix).toEqual({ chair: moderator, facilitator: moderator });
    expect(openReviewRefusal(ACTORS.chair, opened, "in_force")).toBe("REVIEW_ALREADY_OPEN");
    expect(openReviewRefusal(ACTORS.chair, decided, "in_force")).toBe("REVIEW_ALREADY_OPEN");
    expect(byActor((actor) => openReviewRefusal(actor, scheduled, "in_force"))).toEqual({
      facilitator: OK,
      chair: OK,
      secretary: "FORBIDDEN",
      "delegate of a sex worker organisation": "FORBIDDEN",
      "delegate of a municipality department": "FORBIDDEN",
      "delegate of the council": "FORBIDDEN",
      "delegate of residents": "FORBIDDEN",
      "delegate without a party": "FORBIDDEN",
      "observer from the municipality": "FORBIDDEN",
      observer: "FORBIDDEN",
      treasurer: "FORBIDDEN",
    });
  });

  it("are assessed by the evaluating parties' delegates while open", () => {
    const evaluators = [SW, GEMEENTE];
    const F = "FORBIDDEN";
    const C = "REVIEW_NOT_OPEN";
    const P = "NO_PARTY_TO_SPEAK_FOR";
    const matrix = byActor((actor) => [scheduled, opened, decided].map((review) => evaluateRefusal(actor, review, evaluators)));
    //                                         scheduled open decided
    expect(matrix).toEqual({
      facilitator: [F, F, F],
      chair: [F, F, F],
      secretary: [F, F, F],
      "delegate of a sex worker organisation": [C, OK, C],
      "delegate of a municipality department": [C, OK, C],
      "delegate of the council": [C, "REVIEW_PARTY_NOT_EVALUATING", C],
      "delegate of residents": [C, "REVIEW_PARTY_NOT_EVALUATING", C],
      "delegate without a party": [P, P, P],
      "observer from the municipality": [F, F, F],
      observer: [F, F, F],
      treasurer: [F, F, F],
    });
  });

  it("are decided by the chair or the facilitator while open", () => {
    const F = "FORBIDDEN";
    const C = "REVIEW_NOT_OPEN";
    const matrix = byActor((actor) => [scheduled, opened, decided].map((review) => decideReviewRefusal(actor, review)));
    //                                         scheduled open decided
    expect(matrix).toEqual({
      facilitator: [C, OK, C],
      chair: [C, OK, C],
      secretary: [F, F, F],
      "delegate of a sex worker organisation": [F, F, F],
      "delegate of a municipality department": [F, F, F],
      "delegate of the council": [F, F, F],
      "delegate of residents": [F, F, F],
      "delegate without a party": [F, F, F],
      "observer from the municipality": [F, F, F],
      observer: [F, F, F],
      treasurer: [F, F, F],
    });
  });
});
