import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountFor, centsToDecimal, formatEuros, formatHundredths, minutesToHundredthsOfHour, parseHundredths } from "./money.ts";

describe("money in integer cents", () => {
  it("prices a quantity at a rate, rounding halves away from zero", () => {
    expect(amountFor(250, 3000)).toBe(7500); // 2.5 h × €30.00
    expect(amountFor(1230, 23)).toBe(283); // 12.3 km × €0.23 = €2.829
    expect(amountFor(50, 1)).toBe(1); // €0.005 → one cent
    expect(amountFor(49, 1)).toBe(0);
    expect(amountFor(-50, 1)).toBe(-1);
    expect(amountFor(-49, 1)).toBe(0);
    expect(amountFor(100, 640)).toBe(640);
  });

  it("refuses non-integers instead of rounding them silently", () => {
    expect(() => amountFor(2.5, 3000)).toThrow(RangeError);
    expect(() => amountFor(100, 0.1)).toThrow(RangeError);
  });

  it("negating the quantity negates the amount exactly (reversals cancel out)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }), (q, r) => {
        expect(amountFor(-q, r) + amountFor(q, r)).toBe(0);
        const exact = (q * r) / 100;
        expect(Math.abs(amountFor(q, r) - exact)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it("turns meeting minutes into hundredths of an hour", () => {
    expect(minutesToHundredthsOfHour(150)).toBe(250);
    expect(minutesToHundredthsOfHour(120)).toBe(200);
    expect(minutesToHundredthsOfHour(20)).toBe(33);
    expect(minutesToHundredthsOfHour(40)).toBe(67);
  });

  it("reads amounts as people write them, never through floating point", () => {
    expect(parseHundredths("6,40")).toBe(640);
    expect(parseHundredths("6.4")).toBe(640);
    expect(parseHundredths("12")).toBe(1200);
    expect(parseHundredths("0,07")).toBe(7);
    expect(parseHundredths("1.005")).toBeNull();
    expect(parseHundredths("-3")).toBeNull();
    expect(parseHundredths("1e3")).toBeNull();
    expect(parseHundredths("")).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        expect(parseHundredths(centsToDecimal(cents))).toBe(cents);
      }),
    );
  });

  it("shows euros in the page's language", () => {
    expect(formatEuros(7500, "nl")).toBe("€ 75,00");
    expect(formatEuros(640, "en")).toBe("€6.40");
    expect(formatEuros(-123456, "en")).toBe("-€1,234.56");
    expect(centsToDecimal(-640)).toBe("-6.40");
    expect(formatHundredths(250, "nl")).toBe("2,5");
    expect(formatHundredths(200, "en")).toBe("2");
    expect(formatEuros(640, "es")).toBe("6,40 €");
    expect(formatEuros(-1234567, "es")).toBe("-12.345,67 €");
    expect(formatHundredths(250, "es")).toBe("2,5");
  });
});
