"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { openNotificationAction } from "../_actions/notifications.ts";
import { FormError } from "../_components/form-error.tsx";
import { useFormSubmit } from "../_components/use-form-submit.ts";

/** Opens the notification's page and marks it read on the way. */
export function OpenNotificationButton({ notificationId, label }: { notificationId: string; label: string }) {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState(openNotificationAction, null);
  const onSubmit = useFormSubmit(action);
  return (
    <form onSubmit={onSubmit} className="row">
      <FormError error={state && !state.ok ? state : null} />
      <input type="hidden" name="notificationId" value={notificationId} />
      <button type="submit" className="secondary" aria-label={label} disabled={pending}>
        {t("open")}
      </button>
    </form>
  );
}
