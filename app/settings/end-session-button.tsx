"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { endSessionAction } from "../_actions/settings.ts";
import { FormError } from "../_components/form-error.tsx";
import { useFormSubmit } from "../_components/use-form-submit.ts";
import { useHydrated } from "../_components/use-hydrated.ts";

export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(endSessionAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit} className="row">
      <FormError error={state && !state.ok ? state : null} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <button type="submit" className="secondary" aria-label={label} disabled={!hydrated || pending}>
        {t("endSession")}
      </button>
    </form>
  );
}
