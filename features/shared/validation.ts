// Input crosses a zod schema; a schema names the error code of each rule as its message
// (`.min(2, { message: "PARTY_NAME_INVALID" })`). This turns what zod found into those codes, in
// one place, so every command answers bad input the same way.
import type { z } from "zod";
import { AppError, type ErrorCode, isErrorCode } from "./app-error.ts";

/** One problem with the input: its code, the top-level field and the full path ("breakdown.0.label"). */
export type InputProblem = { code: ErrorCode; field: string; path: string };

function problemOf(issue: z.core.$ZodIssue | undefined): InputProblem {
  const path = (issue?.path ?? []).map(String);
  const message = issue?.message ?? "";
  return { code: isErrorCode(message) ? message : "INVALID_INPUT", field: path[0] ?? "", path: path.join(".") };
}

/** Every problem zod found, the first one per field, in the order of the issues. */
export function inputProblems(error: z.ZodError): InputProblem[] {
  const seen = new Set<string>();
  return error.issues.map(problemOf).filter((problem) => !seen.has(problem.field) && seen.add(problem.field));
}

/** The problem as the AppError a command throws: its code, naming the field. */
export function problemError(problem: InputProblem): AppError {
  return new AppError(problem.code, { field: problem.field });
}

/**
 * Parses input with a schema and returns its data; bad input throws the first problem (by
 * default as an AppError naming the top-level field), so nothing is changed.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  toError: (problem: InputProblem) => Error = problemError,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw toError(problemOf(parsed.error.issues[0]));
}
