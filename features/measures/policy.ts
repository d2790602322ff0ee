// Who may do what with a table's measures, and which step may follow which. Pure functions over
// plain data, tested as matrices in policy.test.ts; commands ask them before writing and pages
// before offering a control. Endorsement rounds on measure versions follow the rounds rules
// (features/decisions/round-policy.ts), unchanged.
import type { MeasureStatus, PartyType, TableStatus } from "../../generated/prisma/enums.ts";
import type { ErrorCode } from "../shared/app-error.ts";
import type { Role } from "../tables/model.ts";

export const MEASURE_ACTIONS = [
  "measures.view",
  "measures.draft",
  "measures.freeze",
  "measures.moderate",
  "measures.override",
  "measures.assess",
  "measures.adopt",
  "measures.mitigate",
  "measures.plan",
  "measures.report",
  "measures.evaluate",
] as const;
export type MeasureAction = (typeof MEASURE_ACTIONS)[number];

export type MeasureActor = { role: Role; partyId: string | null; partyType: PartyType | null };

const DRAFTERS: readonly Role[] = ["facilitator", "chair", "secretary", "delegate"];
// The neutral chair (or the facilitator) opens checks and reviews and moves the measure on; they never assess.
const MODERATORS: readonly Role[] = ["facilitator", "chair"];
// The process roles write down what the table agreed: mitigations and the monitoring plan.
const RECORDERS: readonly Role[] = ["facilitator", "chair", "secretary"];
// The responsible body's adoption is documented by its own officials, as mandates are.
const ADOPTING_PARTY_TYPES: readonly PartyType[] = ["municipality_department", "council"];

const WHO: Record<MeasureAction, (actor: MeasureActor) => boolean> = {
  "measures.view": () => true,
  "measures.draft": (a) => DRAFTERS.includes(a.role),
  "measures.freeze": (a) => DRAFTERS.includes(a.role),
  "measures.moderate": (a) => MODERATORS.includes(a.role),
  // Going ahead without a complete impact check is the neutral chair's explicit, visible call.
  "measures.override": (a) => a.role === "chair",
  // A party assesses through its own delegates (own party checked by assessRefusal).
  "measures.assess": (a) => a.role === "delegate",
  "measures.adopt": (a) => a.role === "facilitator" || (a.role === "delegate" && ADOPTING_PARTY_TYPES.includes(a.partyType ?? "other")),
  "measures.mitigate": (a) => RECORDERS.includes(a.role),
  "measures.plan": (a) => RECORDERS.includes(a.role),
  // Values come from the reporting party's delegates (checked by reportRefusal) or the process roles.
  "measures.report": (a) => a.role === "delegate" || RECORDERS.includes(a.role),
  "measures.evaluate": (a) => a.role === "delegate",
};

/** On a closed table the record stays readable; nothing is drafted or changed. */
export function canMeasure(actor: MeasureActor, action: MeasureAction, table: { status: TableStatus }): boolean {
  if (table.status === "closed" && action !== "measures.view") return false;
  return WHO[action](actor);
}

/** The live text is drafted until the measure is proposed; after that its frozen versions speak. */
export function measureTextOpen(status: MeasureStatus): boolean {
  return status === "draft" || status === "impact_check";
}

/** How a step is taken: by its own command, each with its own rule of who takes it. */
export type StepVia = "status" | "check" | "adoption" | "review";

/** Which status may follow which, and through which command. Withdrawing is possible from every status but withdrawn. */
const STEPS: Record<MeasureStatus, Partial<Record<MeasureStatus, StepVia>>> = {
  draft: { impact_check: "check" },
  impact_check: { draft: "status", proposed: "status" },
  proposed: { draft: "status", adopted: "adoption" },
  adopted: { in_force: "status" },
  in_force: { under_review: "review" },
  under_review: { in_force: "review", draft: "review", withdrawn: "review" },
  withdrawn: {},
};

export function nextStatuses(from: MeasureStatus): MeasureStatus[] {
  const next = Object.keys(STEPS[from]) as MeasureStatus[];
  return from === "withdrawn" || next.includes("withdrawn") ? next : [...next, "withdrawn"];
}

function stepVia(from: MeasureStatus, to: MeasureStatus): StepVia | null {
  if (from === "withdrawn") return null;
  return STEPS[from][to] ?? (to === "withdrawn" ? "status" : null);
}

export type TransitionContext = {
  /** Every counted party of the latest impact check answered or declined. */
  checkComplete: boolean;
  /** The chair goes ahead without a complete check, with `reason`. */
  override: boolean;
  reason: string;
};

/**
 * Why this status change may not happen, or null. A step is never skipped; going back to drafting
 * or withdrawing needs a reason; proposing needs a complete impact check unless the chair records
 * an override with its reason.
 */
export function transitionRefusal(
  actor: MeasureActor,
  from: MeasureStatus,
  to: MeasureStatus,
  via: StepVia,
  context: TransitionContext,
): ErrorCode | null {
  const step = stepVia(from, to);
  if (step === null) {
    const before: readonly MeasureStatus[] = ["draft", "impact_check", "proposed"];
    if (via === "review" && before.includes(from)) return "REVIEW_BEFORE_ADOPTION";
    return "MEASURE_STATUS_SKIPS";
  }
  if (step !== via) return "MEASURE_STATUS_SKIPS";
  const action: MeasureAction = via === "adoption" ? "measures.adopt" : "measures.moderate";
  if (!WHO[action](actor)) return "FORBIDDEN";
  if ((to === "draft" || to === "withdrawn") && context.reason.trim().length < 3) return "MEASURE_REASON_REQUIRED";
  if (to === "proposed" && !context.checkComplete) {
    if (!context.override) return "IMPACT_CHECK_INCOMPLETE";
    if (!WHO["measures.override"](actor)) return "FORBIDDEN";
    if (context.reason.trim().length < 3) return "MEASURE_OVERRIDE_REASON_REQUIRED";
  }
  return null;
}

export type CheckState = { closedAt: Date | null; countedPartyIds: readonly string[] };

/** Why this member may not answer in the check, or null. The party is the member's own, from the membership. */
export function assessRefusal(actor: MeasureActor, check: CheckState | null, status: MeasureStatus): ErrorCode | null {
  if (actor.role !== "delegate") return "FORBIDDEN";
  if (!actor.partyId) return "NO_PARTY_TO_SPEAK_FOR";
  if (!check || check.closedAt !== null || status !== "impact_check") return "IMPACT_CHECK_CLOSED";
  if (!check.countedPartyIds.includes(actor.partyId)) return "IMPACT_PARTY_NOT_COUNTED";
  return null;
}

export type Completeness = { complete: boolean; answered: number; declined: number; missing: string[] };

/** A check is complete when every counted party answered or explicitly declined. */
export function checkCompleteness(countedPartyIds: readonly string[], latest: ReadonlyMap<string, { declined: boolean }>): Completeness {
  const missing = countedPartyIds.filter((id) => !latest.has(id));
  const declined = countedPartyIds.filter((id) => latest.get(id)?.declined).length;
  return {
    complete: countedPartyIds.length > 0 && missing.length === 0,
    answered: countedPartyIds.length - missing.length - declined,
    declined,
    missing,
  };
}

/**
 * The latest impact check lets the measure be proposed only when it is complete and was taken on
 * the latest frozen version: a text changed after the check was not checked.
 */
export function checkCountsForProposal(
  check: { versionId: string; completeness: Pick<Completeness, "complete"> } | null,
  latestVersionId: string | null,
): boolean {
  return check?.completeness.complete === true && check.versionId === latestVersionId;
}

/** Mitigations answer a check the measure had; they are recorded while the measure is not yet adopted. */
export function mitigationRefusal(actor: MeasureActor, status: MeasureStatus): ErrorCode | null {
  if (!WHO["measures.mitigate"](actor)) return "FORBIDDEN";
  if (status !== "impact_check" && status !== "proposed" && status !== "draft") return "MEASURE_NOT_EDITABLE";
  return null;
}

const MONITORED: readonly MeasureStatus[] = ["adopted", "in_force", "under_review"];

/** A monitoring plan belongs to an adopted measure. */
export function planRefusal(actor: MeasureActor, status: MeasureStatus): ErrorCode | null {
  if (!WHO["measures.plan"](actor)) return "FORBIDDEN";
  if (!MONITORED.includes(status)) return "MONITORING_BEFORE_ADOPTION";
  return null;
}

/** Values are reported by the indicator's reporting party (through its delegates) or by the process roles. */
export function reportRefusal(actor: MeasureActor, indicator: { reporterPartyId: string }, status: MeasureStatus): ErrorCode | null {
  if (!WHO["measures.report"](actor)) return "FORBIDDEN";
  if (actor.role === "delegate" && actor.partyId !== indicator.reporterPartyId) return "FORBIDDEN";
  if (!MONITORED.includes(status)) return "MONITORING_BEFORE_ADOPTION";
  return null;
}

export type ReviewState = { openedAt: Date | null; decidedAt: Date | null };

/** The chair opens a scheduled review of a measure in force. */
export function openReviewRefusal(actor: MeasureActor, review: ReviewState, status: MeasureStatus): ErrorCode | null {
  if (!WHO["measures.moderate"](actor)) return "FORBIDDEN";
  if (review.openedAt) return "REVIEW_ALREADY_OPEN";
  return transitionRefusal(actor, status, "under_review", "review", { checkComplete: true, override: false, reason: "" });
}

/** An evaluating party gives its assessment, through its own delegates, while the review is open. */
export function evaluateRefusal(actor: MeasureActor, review: ReviewState, evaluatorPartyIds: readonly string[]): ErrorCode | null {
  if (actor.role !== "delegate") return "FORBIDDEN";
  if (!actor.partyId) return "NO_PARTY_TO_SPEAK_FOR";
  if (!review.openedAt || review.decidedAt) return "REVIEW_NOT_OPEN";
  if (!evaluatorPartyIds.includes(actor.partyId)) return "REVIEW_PARTY_NOT_EVALUATING";
  return null;
}

/** The chair records what the table decided at the review; the outcome moves the measure on. */
export function decideReviewRefusal(actor: MeasureActor, review: ReviewState): ErrorCode | null {
  if (!WHO["measures.moderate"](actor)) return "FORBIDDEN";
  if (!review.openedAt || review.decidedAt) return "REVIEW_NOT_OPEN";
  return null;
}

export const OUTCOME_STATUS = { keep: "in_force", change: "draft", withdraw: "withdrawn" } as const satisfies Record<
  "keep" | "change" | "withdraw",
  MeasureStatus
>;
