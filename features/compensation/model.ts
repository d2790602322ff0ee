// Input of the compensation commands, validated before anything is stored. Amounts and quantities
// arrive as text ("6,40") and become integers of hundredths without floating point.
import { z } from "zod";
import type { CompensationCategory, CompensationUnit, PayoutRoute, VaultField } from "../../generated/prisma/enums.ts";
import { MAX_CENTS, MAX_HUNDREDTHS, parseHundredths } from "./money.ts";

export const CATEGORIES = ["time", "work", "travel", "meal", "other"] as const satisfies readonly CompensationCategory[];
export const UNITS = ["hour", "session", "review", "draft", "km", "receipt"] as const satisfies readonly CompensationUnit[];
export const PAYOUT_ROUTES = ["person", "organisation"] as const satisfies readonly PayoutRoute[];
export const VAULT_FIELDS = ["legal_name", "address", "iban"] as const satisfies readonly VaultField[];

/** The units each category is counted in. */
export const UNITS_OF: Record<CompensationCategory, readonly CompensationUnit[]> = {
  time: ["hour", "session"],
  work: ["review", "draft"],
  travel: ["km", "receipt"],
  meal: ["receipt"],
  other: ["receipt"],
};

const hundredths = (code: string, max: number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const parsed = typeof value === "number" ? (Number.isInteger(value * 100) ? Math.round(value * 100) : null) : parseHundredths(value);
    if (parsed === null || parsed > max) {
      ctx.addIssue({ code: "custom", message: code });
      return z.NEVER;
    }
    return parsed;
  });

export const amountSchema = hundredths("COMPENSATION_AMOUNT_INVALID", MAX_CENTS);
export const quantitySchema = hundredths("COMPENSATION_QUANTITY_INVALID", MAX_HUNDREDTHS);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "INVALID_DATE");
const optionalCents = z
  .union([z.string(), z.number(), z.null()])
  .transform((value, ctx) => {
    if (value === null || value === "") return null;
    const parsed = typeof value === "number" ? value * 100 : parseHundredths(value);
    if (parsed === null || !Number.isSafeInteger(parsed) || parsed > MAX_CENTS) {
      ctx.addIssue({ code: "custom", message: "COMPENSATION_AMOUNT_INVALID" });
      return z.NEVER;
    }
    return parsed;
  })
  .default(null);

export const policyInputSchema = z.object({
  validFrom: day,
  hourRate: amountSchema,
  sessionRate: amountSchema,
  reviewRate: amountSchema,
  draftRate: amountSchema,
  kmRate: amountSchema,
  timeCap: optionalCents,
  workCap: optionalCents,
  travelCap: optionalCents,
  mealCap: optionalCents,
  otherCap: optionalCents,
  budget: amountSchema,
  budgetSource: z.string().trim().max(300, "INVALID_INPUT").default(""),
  showPartyTotals: z.boolean().default(false),
});

export const claimInputSchema = z.object({
  category: z.enum(CATEGORIES, { message: "COMPENSATION_CATEGORY_INVALID" }),
  unit: z.enum(UNITS, { message: "COMPENSATION_UNIT_INVALID" }),
  /** For counted units; a receipt's amount goes in `amount`. */
  quantity: quantitySchema.optional(),
  amount: amountSchema.optional(),
  meetingId: z.string().uuid("NOT_FOUND").nullable().default(null),
  occurredOn: day.optional(),
  description: z.string().trim().max(500, "INVALID_INPUT").default(""),
  payoutRoute: z.enum(PAYOUT_ROUTES, { message: "INVALID_INPUT" }).default("organisation"),
});

export const adjustInputSchema = z.object({
  quantity: quantitySchema.optional(),
  amount: amountSchema.optional(),
  note: z.string().trim().min(1, "COMPENSATION_NOTE_REQUIRED").max(500, "INVALID_INPUT"),
});

export const disputeInputSchema = z.object({
  note: z.string().trim().min(1, "COMPENSATION_NOTE_REQUIRED").max(500, "INVALID_INPUT"),
});

export const vaultInputSchema = z.object({
  legal_name: z.string().trim().max(200, "VAULT_VALUE_INVALID").default(""),
  address: z.string().trim().max(500, "VAULT_VALUE_INVALID").default(""),
  iban: z.string().trim().max(40, "IBAN_INVALID").default(""),
});
