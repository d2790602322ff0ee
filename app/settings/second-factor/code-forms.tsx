"use client";
import { useTranslations } from "next-intl";
import { confirmSecondFactorAction, removeSecondFactorAction } from "../../_actions/second-factor.ts";
import { CodeForm } from "./code-form.tsx";

export function ConfirmForm() {
  return <CodeForm id="confirm-code" action={confirmSecondFactorAction} submitLabel={useTranslations("secondFactor")("confirm")} />;
}

export function RemoveForm() {
  return <CodeForm id="remove-code" action={removeSecondFactorAction} submitLabel={useTranslations("secondFactor")("remove")} />;
}
