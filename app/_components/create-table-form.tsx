"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createTableAction } from "../_actions/tables.ts";
import { Field } from "./field.tsx";
import { FormError } from "./form-error.tsx";
import { useFormSubmit } from "./use-form-submit.ts";
import { useHydrated } from "./use-hydrated.ts";

export function CreateTableForm() {
  const t = useTranslations("home");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(createTableAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  const error = state && !state.ok ? state : null;
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      {error && !error.field && <FormError error={error} />}
      <Field
        name="title"
        type="text"
        label={t("tableTitle")}
        error={error?.field === "title" ? te(error.code) : null}
        required
        maxLength={120}
      />
      <button type="submit" disabled={!hydrated || pending}>
        {pending ? t("creating") : t("create")}
      </button>
    </form>
  );
}
