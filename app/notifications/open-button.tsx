"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { openNotificationAction } from "../_actions/notifications.ts";
import { FormError } from "../_components/form-error.tsx";
import { useFormSubmit } from "../_components/use-form-submit.ts";
import { useHydrated } from "../_components/use-hydrated.ts";

/** Opens the notification's page and marks it read on the way. */
export function OpenNotificationButton({ notificationId, label }: { notificationId: string; label: string }) {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState(openNotificationAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit} className="row">
      <FormError error={state && !state.ok ? state : null} />
      <input type="hidden" name="notificationId" value={notificationId} />
      <button type="submit" className="secondary" aria-label={label} disabled={!hydrated || pending}>
        {t("open")}
      </button>
    </form>
  );
}
