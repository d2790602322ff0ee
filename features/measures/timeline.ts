// A measure's history in reading order: drafts, checks, mitigations, endorsement rounds, decisions
// and reviews. Parties are named; people never are (the chair's steps are the process's).
import type {
  ImpactDimension,
  IssuingBody,
  MeasureStatus,
  MitigationKind,
  ReviewOutcome,
  ReviewVerdict,
} from "../../generated/prisma/enums.ts";

export type TimelineEvent =
  | { kind: "created"; at: Date }
  | { kind: "version"; at: Date; number: number }
  | { kind: "check_opened"; at: Date; version: number }
  | { kind: "check_answered"; at: Date; party: string; declined: boolean }
  | { kind: "mitigation"; at: Date; mitigationKind: MitigationKind; dimension: ImpactDimension; text: string; removedAt: Date | null }
  | { kind: "round_closed"; at: Date; version: number; passed: boolean }
  | { kind: "status"; at: Date; from: MeasureStatus; to: MeasureStatus; reason: string; override: boolean }
  | { kind: "adopted"; at: Date; body: IssuingBody; reference: string; decidedOn: Date; effectiveOn: Date | null; version: number }
  | { kind: "review_opened"; at: Date; scheduledFor: Date }
  | { kind: "review_assessed"; at: Date; party: string; verdict: ReviewVerdict }
  | { kind: "review_decided"; at: Date; outcome: ReviewOutcome; note: string };

// Steps that have their own, more telling event (the check, the adoption, the review).
const OWN_EVENT: readonly MeasureStatus[] = ["impact_check", "adopted", "under_review"];

export type TimelineInput = {
  createdAt: Date;
  versions: { number: number; createdAt: Date }[];
  checks: { openedAt: Date; version: number; responses: { party: string; declined: boolean; createdAt: Date }[] }[];
  mitigations: { kind: MitigationKind; dimension: ImpactDimension; text: string; createdAt: Date; removedAt: Date | null }[];
  rounds: { closedAt: Date | null; version: number; passed: boolean | null }[];
  statusChanges: { fromStatus: MeasureStatus; toStatus: MeasureStatus; reason: string; override: boolean; createdAt: Date }[];
  adoptions: { body: IssuingBody; reference: string; decidedOn: Date; effectiveOn: Date | null; createdAt: Date; version: number }[];
  reviews: {
    scheduledFor: Date;
    openedAt: Date | null;
    decidedAt: Date | null;
    outcome: ReviewOutcome | null;
    outcomeNote: string;
    assessments: { party: string; verdict: ReviewVerdict; createdAt: Date }[];
  }[];
};

export function measureTimeline(input: TimelineInput): TimelineEvent[] {
  const events: TimelineEvent[] = [{ kind: "created", at: input.createdAt }];
  for (const v of input.versions) events.push({ kind: "version", at: v.createdAt, number: v.number });
  for (const check of input.checks) {
    events.push({ kind: "check_opened", at: check.openedAt, version: check.version });
    for (const r of check.responses) events.push({ kind: "check_answered", at: r.createdAt, party: r.party, declined: r.declined });
  }
  for (const m of input.mitigations) {
    events.push({
      kind: "mitigation",
      at: m.createdAt,
      mitigationKind: m.kind,
      dimension: m.dimension,
      text: m.text,
      removedAt: m.removedAt,
    });
  }
  for (const round of input.rounds) {
    if (round.closedAt) events.push({ kind: "round_closed", at: round.closedAt, version: round.version, passed: round.passed === true });
  }
  for (const change of input.statusChanges) {
    // A review's outcome is told by the review's decision.
    if (OWN_EVENT.includes(change.toStatus) || change.fromStatus === "under_review") continue;
    events.push({
      kind: "status",
      at: change.createdAt,
      from: change.fromStatus,
      to: change.toStatus,
      reason: change.reason,
      override: change.override,
    });
  }
  for (const a of input.adoptions) {
    events.push({
      kind: "adopted",
      at: a.createdAt,
      body: a.body,
      reference: a.reference,
      decidedOn: a.decidedOn,
      effectiveOn: a.effectiveOn,
      version: a.version,
    });
  }
  for (const review of input.reviews) {
    if (review.openedAt) events.push({ kind: "review_opened", at: review.openedAt, scheduledFor: review.scheduledFor });
    for (const a of review.assessments) events.push({ kind: "review_assessed", at: a.createdAt, party: a.party, verdict: a.verdict });
    if (review.decidedAt && review.outcome)
      events.push({ kind: "review_decided", at: review.decidedAt, outcome: review.outcome, note: review.outcomeNote });
  }
  // Stable: events at the same moment keep the order they were added in (a check before its answers).
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map((x) => x.event);
}
