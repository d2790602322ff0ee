import type { ErrorCode } from "../../features/shared/app-error.ts";
import { isAppError } from "../../features/shared/app-error.ts";

export type ActionError = { ok: false; code: ErrorCode | "UNKNOWN"; field?: string; details?: Record<string, string | number> };
export type ActionResult<T = null> = { ok: true; data: T } | ActionError;

/** Runs a domain call for a server action and turns its AppError into a translatable result. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) {
      const { field, ...details } = error.details;
      return { ok: false, code: error.code, field: field === undefined ? undefined : String(field), details };
    }
    console.error("action failed", error);
    return { ok: false, code: "UNKNOWN" };
  }
}
