import type { ErrorCode } from "../../features/shared/app-error.ts";
import { isAppError } from "../../features/shared/app-error.ts";

export type ActionError = {
  ok: false;
  code: ErrorCode | "UNKNOWN";
  field?: string;
  details?: Record<string, string | number>;
  /** Problems with further fields, when a form checks several at once. */
  otherFields?: { code: ErrorCode; field: string }[];
};
export type ActionResult<T = null> = { ok: true; data: T } | ActionError;

/** Runs a domain call for a server action and turns its AppError into a translatable result. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) {
      const { field, ...details } = error.details;
      return {
        ok: false,
        code: error.code,
        field: field === undefined ? undefined : String(field),
        details,
        ...(error.otherFields.length > 0 ? { otherFields: error.otherFields } : {}),
      };
    }
    console.error("action failed", error);
    return { ok: false, code: "UNKNOWN" };
  }
}

/** The error code for one field of a form, whether it was the first problem found or a further one. */
export function fieldErrorCode(state: ActionResult<unknown> | null, name: string): ErrorCode | "UNKNOWN" | null {
  if (!state || state.ok) return null;
  if (state.field === name) return state.code;
  return state.otherFields?.find((problem) => problem.field === name)?.code ?? null;
}
