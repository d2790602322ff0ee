"use client";
import { useTranslations } from "next-intl";
import { markAllReadAction } from "../_actions/notifications.ts";
import { ActionForm } from "../_components/action-form.tsx";

export function MarkAllRead() {
  const t = useTranslations("notifications");
  return (
    <ActionForm action={markAllReadAction} submitLabel={t("markAllRead")} savedMessage={t("allRead")} secondary>
      {null}
    </ActionForm>
  );
}
