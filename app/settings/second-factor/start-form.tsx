"use client";
import { useTranslations } from "next-intl";
import { startSecondFactorAction } from "../../_actions/second-factor.ts";
import { ActionForm } from "../../_components/action-form.tsx";

export function StartForm({ again }: { again: boolean }) {
  const t = useTranslations("secondFactor");
  return (
    <ActionForm action={startSecondFactorAction} submitLabel={again ? t("restart") : t("start")} secondary={again}>
      {null}
    </ActionForm>
  );
}
