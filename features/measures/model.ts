// The vocabulary of measures: kinds, statuses, the seven dimensions of a joint impact check and
// the scales parties answer on. Input schemas name their error codes (features/shared/validation.ts).
import { z } from "zod";
import type {
  ImpactDimension,
  ImpactEffect,
  IndicatorValueType,
  MeasureKind,
  MeasureStatus,
  MitigationKind,
  ReportingFrequency,
  ReviewOutcome,
  ReviewVerdict,
} from "../../generated/prisma/enums.ts";
import { ISSUING_BODIES } from "../tables/mandates.ts";

export const MEASURE_KINDS = [
  "bylaw_article",
  "protocol",
  "permit_condition",
  "reporting_procedure",
  "other",
] as const satisfies readonly MeasureKind[];

/** In the order a measure goes through them; withdrawn can follow any of them. */
export const MEASURE_STATUSES = [
  "draft",
  "impact_check",
  "proposed",
  "adopted",
  "in_force",
  "under_review",
  "withdrawn",
] as const satisfies readonly MeasureStatus[];

/** What the table checks every measure for, with the sex workers it concerns. */
export const IMPACT_DIMENSIONS = [
  "safety",
  "health",
  "autonomy",
  "privacy",
  "income",
  "legal_position",
  "stigma",
] as const satisfies readonly ImpactDimension[];

export const IMPACT_EFFECTS = ["positive", "none", "negative", "unknown"] as const satisfies readonly ImpactEffect[];
export const MITIGATION_KINDS = ["change_to_measure", "accompanying_action"] as const satisfies readonly MitigationKind[];
export const INDICATOR_VALUE_TYPES = ["count", "percentage", "amount_eur", "days"] as const satisfies readonly IndicatorValueType[];
export const REPORTING_FREQUENCIES = ["monthly", "quarterly", "half_yearly", "yearly"] as const satisfies readonly ReportingFrequency[];
export const REVIEW_OUTCOMES = ["keep", "change", "withdraw"] as const satisfies readonly ReviewOutcome[];
export const REVIEW_VERDICTS = ["works", "partly", "does_not_work", "too_early"] as const satisfies readonly ReviewVerdict[];
/** The dimensions each party speaks to again at a review. */
export const REVIEW_DIMENSIONS = ["safety", "health", "autonomy"] as const satisfies readonly ImpactDimension[];

const text = (max: number) => z.string().trim().max(max, { message: "MEASURE_TEXT_TOO_LONG" }).default("");
const uuid = z.string().uuid({ message: "NOT_FOUND" });
const optionalUuid = z
  .string()
  .trim()
  .default("")
  .transform((value) => (value === "" ? null : value))
  .pipe(uuid.nullable());

export const measureInputSchema = z.object({
  title: z.string().trim().min(3, { message: "MEASURE_TITLE_INVALID" }).max(200, { message: "MEASURE_TITLE_INVALID" }),
  kind: z.enum(MEASURE_KINDS, { message: "INVALID_INPUT" }),
  purpose: text(4000),
  responsibleBody: z.enum(ISSUING_BODIES, { message: "MEASURE_BODY_REQUIRED" }),
  domain: text(100),
  problemVersionId: optionalUuid,
  factIds: z.array(uuid).max(50, { message: "MEASURE_TEXT_TOO_LONG" }).default([]),
});
export type MeasureInput = z.input<typeof measureInputSchema>;

const assessmentSchema = z.object({
  dimension: z.enum(IMPACT_DIMENSIONS, { message: "INVALID_INPUT" }),
  effect: z.enum(IMPACT_EFFECTS, { message: "IMPACT_EFFECT_REQUIRED" }),
  forWhom: text(300),
  reasoning: text(4000),
  factIds: z.array(uuid).max(20, { message: "MEASURE_TEXT_TOO_LONG" }).default([]),
});

/**
 * A party's answer in an impact check: either every dimension assessed (an unknown effect is an
 * answer too), or an explicit decline with its reason. An expected negative effect needs its
 * reasoning, or the table cannot act on it.
 */
export const impactResponseSchema = z
  .discriminatedUnion("declined", [
    z.object({
      declined: z.literal(true),
      declineReason: z
        .string()
        .trim()
        .min(3, { message: "IMPACT_DECLINE_REASON_REQUIRED" })
        .max(2000, { message: "MEASURE_TEXT_TOO_LONG" }),
    }),
    z.object({ declined: z.literal(false), assessments: z.array(assessmentSchema) }),
  ])
  .superRefine((input, ctx) => {
    if (input.declined) return;
    const seen = new Set(input.assessments.map((a) => a.dimension));
    if (seen.size !== input.assessments.length || IMPACT_DIMENSIONS.some((d) => !seen.has(d))) {
      ctx.addIssue({ code: "custom", message: "IMPACT_DIMENSIONS_INCOMPLETE", path: ["assessments"] });
    }
    input.assessments.forEach((a, i) => {
      if (a.effect === "negative" && a.reasoning.length < 3) {
        ctx.addIssue({ code: "custom", message: "IMPACT_REASONING_REQUIRED", path: ["assessments", i, "reasoning"] });
      }
    });
  });
export type ImpactResponseInput = z.input<typeof impactResponseSchema>;

export const mitigationSchema = z.object({
  checkId: uuid,
  kind: z.enum(MITIGATION_KINDS, { message: "INVALID_INPUT" }),
  dimension: z.enum(IMPACT_DIMENSIONS, { message: "INVALID_INPUT" }),
  text: z.string().trim().min(3, { message: "MITIGATION_TEXT_REQUIRED" }).max(2000, { message: "MEASURE_TEXT_TOO_LONG" }),
});

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "INVALID_DATE" })
  .transform((value) => new Date(`${value}T00:00:00.000Z`))
  .refine((value) => !Number.isNaN(value.getTime()), { message: "INVALID_DATE" });

export const adoptionSchema = z
  .object({
    body: z.enum(ISSUING_BODIES, { message: "MEASURE_BODY_REQUIRED" }),
    reference: z.string().trim().min(2, { message: "ADOPTION_REFERENCE_REQUIRED" }).max(200, { message: "MEASURE_TEXT_TOO_LONG" }),
    decidedOn: day,
    effectiveOn: z
      .string()
      .trim()
      .default("")
      .transform((value) => (value === "" ? undefined : value))
      .pipe(day.optional()),
  })
  .superRefine((input, ctx) => {
    if (input.effectiveOn && input.effectiveOn < input.decidedOn) {
      ctx.addIssue({ code: "custom", message: "ADOPTION_EFFECTIVE_BEFORE_DECISION", path: ["effectiveOn"] });
    }
  });

export const indicatorSchema = z.object({
  name: z.string().trim().min(3, { message: "INDICATOR_NAME_REQUIRED" }).max(200, { message: "MEASURE_TEXT_TOO_LONG" }),
  source: text(300),
  valueType: z.enum(INDICATOR_VALUE_TYPES, { message: "INVALID_INPUT" }),
  baselineFactId: optionalUuid,
  baseline: z.string().trim().max(40, { message: "MEASURE_TEXT_TOO_LONG" }).default(""),
  reporterPartyId: z.string().uuid({ message: "INDICATOR_REPORTER_REQUIRED" }),
  frequency: z.enum(REPORTING_FREQUENCIES, { message: "INVALID_INPUT" }),
});

export const reviewDateSchema = z.object({ scheduledFor: day });

export const reviewAssessmentSchema = z.object({
  verdict: z.enum(REVIEW_VERDICTS, { message: "REVIEW_VERDICT_REQUIRED" }),
  safety: z.enum(IMPACT_EFFECTS, { message: "IMPACT_EFFECT_REQUIRED" }),
  health: z.enum(IMPACT_EFFECTS, { message: "IMPACT_EFFECT_REQUIRED" }),
  autonomy: z.enum(IMPACT_EFFECTS, { message: "IMPACT_EFFECT_REQUIRED" }),
  reasoning: text(4000),
});

export const reviewDecisionSchema = z.object({
  outcome: z.enum(REVIEW_OUTCOMES, { message: "REVIEW_OUTCOME_REQUIRED" }),
  note: z.string().trim().min(3, { message: "MEASURE_REASON_REQUIRED" }).max(4000, { message: "MEASURE_TEXT_TOO_LONG" }),
});
