"use client";
import { useTranslations } from "next-intl";
import type { ActionError } from "../_server/action-result.ts";

/** A translated error for a failed action, announced to screen readers. */
export function FormError({ error }: { error: ActionError | null | undefined }) {
  const t = useTranslations("errors");
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {t(error.code, formatDetails(error.details))}
    </div>
  );
}

function formatDetails(details: Record<string, string | number> | undefined) {
  if (!details) return {};
  const out: Record<string, string | number> = { ...details };
  if (typeof details.retryAt === "string") {
    out.retryAt = new Date(details.retryAt).toLocaleTimeString(undefined, {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Amsterdam",
    });
  }
  return out;
}
