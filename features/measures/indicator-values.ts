// A monitoring value as someone types it, read in the indicator's own type. A value with another
// unit than the indicator's ("12%" for a count, "€ 40" for a share) is refused rather than
// converted: the table compares values over time, so each must mean the same thing.
import type { IndicatorValueType } from "../../generated/prisma/enums.ts";
import { parseNumber } from "../facts/model.ts";

export type IndicatorValueProblem = "INDICATOR_VALUE_INVALID" | "INDICATOR_UNIT_MISMATCH" | "INDICATOR_VALUE_AMBIGUOUS";

const UNITS: { type: IndicatorValueType; pattern: RegExp }[] = [
  { type: "percentage", pattern: /%|procent|percent|por ?ciento/i },
  { type: "amount_eur", pattern: /€|eur(o)?s?/i },
  { type: "days", pattern: /dagen|dag|days?|d[ií]as?/i },
];

export function parseIndicatorValue(type: IndicatorValueType, raw: string): { value: number } | { problem: IndicatorValueProblem } {
  let text = raw.trim();
  for (const unit of UNITS) {
    if (!unit.pattern.test(text)) continue;
    if (unit.type !== type) return { problem: "INDICATOR_UNIT_MISMATCH" };
    text = text.replace(unit.pattern, "").trim();
  }
  const value = parseNumber(text);
  if (value === "ambiguous") return { problem: "INDICATOR_VALUE_AMBIGUOUS" };
  if (value === null || value === "invalid" || value < 0) return { problem: "INDICATOR_VALUE_INVALID" };
  if ((type === "count" || type === "days") && !Number.isInteger(value)) return { problem: "INDICATOR_VALUE_INVALID" };
  if (type === "percentage" && value > 100) return { problem: "INDICATOR_VALUE_INVALID" };
  // Euros have cents, nothing finer.
  if (type === "amount_eur" && /[.,]\d{3,}$/.test(text)) return { problem: "INDICATOR_VALUE_INVALID" };
  return { value };
}
