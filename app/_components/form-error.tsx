"use client";
import { useLocale, useTranslations } from "next-intl";
import { withFormattedTimes } from "../../features/shared/dates.ts";
import type { ActionError } from "../_server/action-result.ts";

/** A translated error for a failed action, announced to screen readers. */
export function FormError({ error }: { error: ActionError | null | undefined }) {
  const t = useTranslations("errors");
  const locale = useLocale();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {t(error.code, withFormattedTimes(error.details, locale))}
    </div>
  );
}
