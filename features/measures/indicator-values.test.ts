import { describe, expect, it } from "vitest";
import type { IndicatorValueType } from "../../generated/prisma/enums.ts";
import { parseIndicatorValue } from "./indicator-values.ts";

const INVALID = { problem: "INDICATOR_VALUE_INVALID" };
const MISMATCH = { problem: "INDICATOR_UNIT_MISMATCH" };
const AMBIGUOUS = { problem: "INDICATOR_VALUE_AMBIGUOUS" };

/** What each typed value reads as, for one indicator type. */
function readAs(type: IndicatorValueType, typed: string[]) {
  return Object.fromEntries(typed.map((raw) => [raw, parseIndicatorValue(type, raw)]));
}

describe("indicator values as typed", () => {
  it("reads counts as whole numbers from zero, with no unit", () => {
    expect(readAs("count", ["12", "0", " 7 ", "1 250", "12%", "€ 3", "14 dagen", "1,5", "-1", "veel", "", "1.234"])).toEqual({
      "12": { value: 12 },
      "0": { value: 0 },
      " 7 ": { value: 7 },
      "1 250": { value: 1250 },
      "12%": MISMATCH,
      "€ 3": MISMATCH,
      "14 dagen": MISMATCH,
      "1,5": INVALID,
      "-1": INVALID,
      veel: INVALID,
      "": INVALID,
      // A thousands separator or three decimals: the table cannot tell, so it asks.
      "1.234": AMBIGUOUS,
    });
  });

  it("reads percentages from 0 to 100, with or without the sign", () => {
    expect(
      readAs("percentage", ["45", "45%", "45 %", "12,5 %", "30 procent", "30 por ciento", "0", "100", "101", "-3%", "€ 3", "3 dagen"]),
    ).toEqual({
      "45": { value: 45 },
      "45%": { value: 45 },
      "45 %": { value: 45 },
      "12,5 %": { value: 12.5 },
      "30 procent": { value: 30 },
      "30 por ciento": { value: 30 },
      "0": { value: 0 },
      "100": { value: 100 },
      "101": INVALID,
      "-3%": INVALID,
      "€ 3": MISMATCH,
      "3 dagen": MISMATCH,
    });
  });

  it("reads amounts in euros to the cent", () => {
    expect(
      readAs("amount_eur", ["€ 12,50", "€12,50", "0,29", "12.5 EUR", "40 euro", "1000", "1,234", "0,295", "€ -5", "12%", "3 dagen"]),
    ).toEqual({
      "€ 12,50": { value: 12.5 },
      "€12,50": { value: 12.5 },
      "0,29": { value: 0.29 },
      "12.5 EUR": { value: 12.5 },
      "40 euro": { value: 40 },
      "1000": { value: 1000 },
      "1,234": AMBIGUOUS,
      "0,295": INVALID,
      "€ -5": INVALID,
      "12%": MISMATCH,
      "3 dagen": MISMATCH,
    });
  });

  it("reads days as whole days, in Dutch, English or Spanish", () => {
    expect(readAs("days", ["14 dagen", "1 dag", "3 days", "5 días", "1 día", "14", "1,5 dag", "2 weken", "10%", "€ 14"])).toEqual({
      "14 dagen": { value: 14 },
      "1 dag": { value: 1 },
      "3 days": { value: 3 },
      "5 días": { value: 5 },
      "1 día": { value: 1 },
      "14": { value: 14 },
      "1,5 dag": INVALID,
      "2 weken": INVALID,
      "10%": MISMATCH,
      "€ 14": MISMATCH,
    });
  });
});
