import { describe, expect, it } from "vitest";
import { formatFigure, formatNumber } from "./format.ts";

const figure = { valuePoint: null, valueLow: 6250, valueHigh: 12500.5, qualifier: null, percentage: false };

describe("a fact's figure", () => {
  it("reads with the reader's digits and separators", () => {
    expect(formatNumber(12500.5, "nl")).toBe("12.500,5");
    expect(formatNumber(12500.5, "en")).toBe("12,500.5");
    expect(formatNumber(12500.5, "es")).toBe("12.500,5");
    // Spanish groups thousands only from five digits on.
    expect(formatNumber(6250, "es")).toBe("6250");
    expect(formatFigure(figure, "es", () => "")).toBe("6250–12.500,5");
  });
});
