import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inputProblems, parseInput } from "./validation.ts";

const schema = z.object({
  name: z.string().min(2, { message: "PARTY_NAME_INVALID" }),
  count: z.number().int(),
  items: z.array(z.object({ label: z.string().min(1, { message: "FACT_BREAKDOWN_LABEL_REQUIRED" }) })),
});

describe("parsing input", () => {
  it("returns the parsed data", () => {
    expect(parseInput(schema, { name: "GGD", count: 2, items: [] })).toEqual({ name: "GGD", count: 2, items: [] });
  });

  it("throws the code a schema names for its rule, with the field", () => {
    expect(() => parseInput(schema, { name: "G", count: 2, items: [] })).toThrow(
      expect.objectContaining({ name: "AppError", code: "PARTY_NAME_INVALID", details: { field: "name" } }),
    );
  });

  it("throws INVALID_INPUT where zod's own message is not an error code, never an unchecked cast", () => {
    expect(() => parseInput(schema, { name: "GGD", count: 1.5, items: [] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", details: { field: "count" } }),
    );
  });

  it("gives the full path to callers that name nested fields", () => {
    expect(() =>
      parseInput(schema, { name: "GGD", count: 1, items: [{ label: "" }] }, (problem) => new Error(`${problem.code} ${problem.path}`)),
    ).toThrow("FACT_BREAKDOWN_LABEL_REQUIRED items.0.label");
  });

  it("lists every field's first problem", () => {
    const parsed = schema.safeParse({ name: "", count: "x", items: [] });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(inputProblems(parsed.error).map(({ code, field }) => [code, field])).toEqual([
      ["PARTY_NAME_INVALID", "name"],
      ["INVALID_INPUT", "count"],
    ]);
  });
});
