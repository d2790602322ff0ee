// The fact record: a figure or finding held honestly — what exactly is counted, over which base,
// when, where, by which method and source — plus how the table will cite it. Enums are defined
// once here; input from forms and the starter set crosses factInputSchema.
import { z } from "zod";
import type { EvidenceKind, FactLinkType, FactQualifier, FactStance, FactStatus, FactValueKind } from "../../generated/prisma/enums.ts";
import type { ErrorCode } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";

export const FACT_STATUSES = [
  "proposed",
  "under_discussion",
  "agreed",
  "agreed_to_disagree",
  "retired",
] as const satisfies readonly FactStatus[];

export const VALUE_KINDS = [
  "count",
  "range",
  "share",
  "ratio",
  "change",
  "categorical",
  "zero",
  "qualitative",
] as const satisfies readonly FactValueKind[];

export const QUALIFIERS = [
  "about",
  "at_least",
  "at_most",
  "more_than",
  "almost",
  "estimate",
  "average",
  "typical",
  "exactly",
  "in_words",
] as const satisfies readonly FactQualifier[];

export const EVIDENCE_KINDS = [
  "registration",
  "survey",
  "estimate",
  "expert_opinion",
  "case_files",
  "interviews",
  "count",
  "model",
  "literature_review",
  "regulation",
  "claim",
] as const satisfies readonly EvidenceKind[];

export const STANCES = ["accepts", "accepts_with_caveat", "disputes", "no_position"] as const satisfies readonly FactStance[];

export const LINK_TYPES = [
  "contradicts",
  "corroborates",
  "same_data_different_denominator",
  "same_source_read_differently",
  "definition_changed",
  "supersedes",
  "scope_differs",
  "part_of",
  "derived_from",
] as const satisfies readonly FactLinkType[];

/** Links that read the same from either side; the others have a direction (A supersedes B). */
export const SYMMETRIC_LINK_TYPES: readonly FactLinkType[] = [
  "contradicts",
  "corroborates",
  "same_data_different_denominator",
  "same_source_read_differently",
  "definition_changed",
  "scope_differs",
];

export const ASSUMPTION_STATUSES = ["met", "not_met", "disputed", "unknown"] as const;
export type AssumptionStatus = (typeof ASSUMPTION_STATUSES)[number];
export type Assumption = { text: string; status: AssumptionStatus; assessedBy: string };
export type BreakdownItem = { label: string; value: number | null; qualifier: FactQualifier | null; unit: string };

/** Issues carry an error code as their message, so the first one becomes a translated AppError. */
type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, code: ErrorCode, path: string) => ctx.addIssue({ code: "custom", message: code, path: [path] });

/**
 * A number typed into a form: digits with at most one decimal separator, comma or point
 * ("64,5" or "64.5"). A separator followed by exactly three digits ("6.250") reads as a
 * thousands separator in Dutch and as a decimal in English, so it is refused rather than guessed.
 */
export function parseNumber(value: unknown): number | null | "invalid" | "ambiguous" {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "invalid";
  if (typeof value !== "string") return "invalid";
  const text = value.replace(/[\s\u00a0\u202f_]/g, "");
  if (text === "") return null;
  const match = /^(-?\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return "invalid";
  if (match[2]?.length === 3 && match[1] !== "0" && match[1] !== "-0") return "ambiguous";
  return Number(`${match[1]}${match[2] ? `.${match[2]}` : ""}`);
}

const numberField = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    const parsed = parseNumber(value);
    if (parsed === "invalid" || parsed === "ambiguous") {
      ctx.addIssue({ code: "custom", message: parsed === "invalid" ? "FACT_NUMBER_INVALID" : "FACT_NUMBER_AMBIGUOUS" });
      return z.NEVER;
    }
    return parsed;
  });

const text = (max: number) => z.string().trim().max(max, { message: "FACT_TEXT_TOO_LONG" }).default("");
const lines = (maxItems: number, maxLength: number) =>
  z
    .array(z.string())
    .default([])
    .transform((items) => items.map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(maxLength, { message: "FACT_TEXT_TOO_LONG" })).max(maxItems, { message: "FACT_TEXT_TOO_LONG" }));

const assumptionSchema = z.object({
  text: z.string().trim().max(1000, { message: "FACT_TEXT_TOO_LONG" }),
  status: z.enum(ASSUMPTION_STATUSES).default("unknown"),
  assessedBy: z.string().trim().max(300, { message: "FACT_TEXT_TOO_LONG" }).default(""),
});

const breakdownSchema = z.object({
  label: z.string().trim().min(1, { message: "FACT_BREAKDOWN_LABEL_REQUIRED" }).max(200, { message: "FACT_TEXT_TOO_LONG" }),
  value: numberField,
  qualifier: z.enum(QUALIFIERS).nullable().default(null),
  unit: z.string().trim().max(200, { message: "FACT_TEXT_TOO_LONG" }).default(""),
});

export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,19}$/;

export const factInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .default("")
      .transform((code) => code.toUpperCase())
      .refine((code) => code === "" || CODE_PATTERN.test(code), { message: "FACT_CODE_INVALID" }),
    title: z.string().trim().min(3, { message: "FACT_TITLE_INVALID" }).max(200, { message: "FACT_TITLE_INVALID" }),
    statement: text(4000),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2}$/, { message: "INVALID_INPUT" })
      .default("nl"),
    topic: text(120),
    valueKind: z.enum(VALUE_KINDS, { message: "INVALID_INPUT" }),
    valuePoint: numberField,
    valueLow: numberField,
    valueHigh: numberField,
    qualifier: z.preprocess(
      (value) => (value === "" ? null : value),
      z.enum(QUALIFIERS, { message: "INVALID_INPUT" }).nullable().default(null),
    ),
    valueDisplay: text(300),
    unit: text(200),
    percentage: z.boolean().default(false),
    numeratorDescription: text(500),
    numeratorCount: numberField,
    denominatorDescription: text(500),
    denominatorCount: numberField,
    denominatorUnknown: z.boolean().default(false),
    sampleSize: numberField,
    unknownShare: numberField,
    unknownShareDescription: text(500),
    breakdown: z.array(breakdownSchema).max(50, { message: "FACT_TEXT_TOO_LONG" }).default([]),
    countedObject: text(2000),
    definitionUsed: text(2000),
    referencePeriod: text(200),
    periodKind: text(200),
    publication: text(200),
    timeAmbiguity: text(500),
    geography: text(300),
    sectorScope: text(300),
    evidenceKind: z.enum(EVIDENCE_KINDS, { message: "FACT_EVIDENCE_KIND_REQUIRED" }),
    methodDescription: text(4000),
    assumptions: z
      .array(assumptionSchema)
      .max(30, { message: "FACT_TEXT_TOO_LONG" })
      .default([])
      .transform((items) => items.filter((item) => item.text !== "")),
    weaknesses: lines(30, 1000),
    sourceTitle: text(500),
    sourceLocator: text(300),
    originalSource: text(500),
    citationChain: lines(20, 500),
    caveats: lines(30, 1000),
    frameNote: text(2000),
  })
  .superRefine((fact, ctx) => {
    const integer = (value: number | null) => value === null || (Number.isInteger(value) && value >= 0);
    for (const field of ["numeratorCount", "denominatorCount", "sampleSize"] as const) {
      if (!integer(fact[field])) issue(ctx, "FACT_COUNT_NOT_INTEGER", field);
    }
    for (const field of ["valuePoint", "valueLow", "valueHigh"] as const) {
      const value = fact[field];
      if (fact.percentage && value !== null && (value < 0 || value > 100)) issue(ctx, "FACT_PERCENT_RANGE", field);
      if (fact.valueKind === "count" && !integer(value)) issue(ctx, "FACT_COUNT_NOT_INTEGER", field);
    }
    if (fact.valueLow !== null && fact.valueHigh !== null && fact.valueLow > fact.valueHigh) issue(ctx, "FACT_RANGE_ORDER", "valueLow");
    if (fact.unknownShare !== null && (fact.unknownShare < 0 || fact.unknownShare > 100)) issue(ctx, "FACT_PERCENT_RANGE", "unknownShare");
    if (fact.numeratorCount !== null && fact.denominatorCount !== null && fact.numeratorCount > fact.denominatorCount) {
      issue(ctx, "FACT_NUMERATOR_EXCEEDS_DENOMINATOR", "numeratorCount");
    }
    if (fact.denominatorUnknown && fact.denominatorCount !== null) issue(ctx, "FACT_DENOMINATOR_CONFLICT", "denominatorUnknown");
    fact.breakdown.forEach((item, index) => {
      if (fact.percentage && item.value !== null && (item.value < 0 || item.value > 100)) {
        issue(ctx, "FACT_PERCENT_RANGE", `breakdown.${index}`);
      }
    });
  });

export type FactInput = z.input<typeof factInputSchema>;
export type FactData = z.output<typeof factInputSchema>;

/** Fields whose content is a fact's revision: what parties take positions on. */
export const CONTENT_FIELDS = [
  "code",
  "title",
  "statement",
  "language",
  "topic",
  "valueKind",
  "valuePoint",
  "valueLow",
  "valueHigh",
  "qualifier",
  "valueDisplay",
  "unit",
  "percentage",
  "numeratorDescription",
  "numeratorCount",
  "denominatorDescription",
  "denominatorCount",
  "denominatorUnknown",
  "sampleSize",
  "unknownShare",
  "unknownShareDescription",
  "breakdown",
  "countedObject",
  "definitionUsed",
  "referencePeriod",
  "periodKind",
  "publication",
  "timeAmbiguity",
  "geography",
  "sectorScope",
  "evidenceKind",
  "methodDescription",
  "assumptions",
  "weaknesses",
  "sourceTitle",
  "sourceLocator",
  "originalSource",
  "citationChain",
  "caveats",
  "frameNote",
  "citationWording",
] as const;

export const positionInputSchema = z
  .object({
    stance: z.enum(STANCES, { message: "INVALID_INPUT" }),
    reasoning: z.string().trim().max(4000, { message: "FACT_TEXT_TOO_LONG" }).default(""),
  })
  .superRefine((position, ctx) => {
    // A dispute or a caveat is only useful to the table with its reason.
    if ((position.stance === "disputes" || position.stance === "accepts_with_caveat") && position.reasoning.length < 3) {
      issue(ctx, "FACT_REASONING_REQUIRED", "reasoning");
    }
  });

export const wordingSchema = z.string().trim().max(2000, { message: "FACT_TEXT_TOO_LONG" });

export const statusChangeSchema = z.object({
  to: z.enum(FACT_STATUSES, { message: "INVALID_INPUT" }),
  reason: z.string().trim().max(1000, { message: "FACT_TEXT_TOO_LONG" }).default(""),
});

export const linkInputSchema = z.object({
  type: z.enum(LINK_TYPES, { message: "INVALID_INPUT" }),
  /** The other record, by id or by its code. */
  target: z.string().trim().min(1, { message: "FACT_LINK_TARGET_REQUIRED" }).max(60),
  note: z.string().trim().max(500, { message: "FACT_TEXT_TOO_LONG" }).default(""),
});

/** Where a question was raised: a live document's name, optionally with a frozen version. */
export const SOURCE_REF_PATTERN = /^[a-z][a-z_-]*:[A-Za-z0-9_.:@#-]{1,190}$/;

export const questionInputSchema = z.object({
  question: z.string().trim().min(5, { message: "FACT_QUESTION_INVALID" }).max(1000, { message: "FACT_QUESTION_INVALID" }),
  assigneePartyId: z.preprocess((value) => (value === "" ? null : value), z.string().nullable().default(null)),
  assigneeNote: z.string().trim().max(300, { message: "FACT_TEXT_TOO_LONG" }).default(""),
  dueOn: z.preprocess(
    (value) => (value === "" ? null : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "INVALID_DATE" })
      .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), { message: "INVALID_DATE" })
      .nullable()
      .default(null),
  ),
  sourceRef: z.preprocess(
    (value) => (value === "" ? null : value),
    z.string().regex(SOURCE_REF_PATTERN, { message: "INVALID_INPUT" }).nullable().default(null),
  ),
});

export const answerInputSchema = z.object({
  text: z.string().trim().min(2, { message: "FACT_ANSWER_INVALID" }).max(4000, { message: "FACT_ANSWER_INVALID" }),
  factIds: z.array(z.string()).max(50).default([]),
});

/** Parses with a schema and turns the first issue into its error code and the field it names. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  toError: (code: ErrorCode, field: string) => Error,
): z.output<T> {
  return parseInput(schema, input, (problem) => toError(problem.code, problem.path));
}
