"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "../../_components/field.tsx";
import { FormError } from "../../_components/form-error.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";
import { useHydrated } from "../../_components/use-hydrated.ts";
import { type ActionResult, fieldErrorCode } from "../../_server/action-result.ts";

type Props = {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  submitLabel: string;
  id: string;
};

/** Six digits from the authenticator app, with the error tied to the field. */
export function CodeForm({ action, submitLabel, id }: Props) {
  const t = useTranslations("secondFactor");
  const te = useTranslations("errors");
  const ta = useTranslations("auth");
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = useFormSubmit(dispatch);
  const hydrated = useHydrated();
  const code = fieldErrorCode(state, "code");
  const formLevel = state && !state.ok && !state.field ? state : null;
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormError error={formLevel} />
      <Field
        id={id}
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        error={code ? te(code) : null}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]*"
        maxLength={8}
        required
      />
      <button type="submit" disabled={!hydrated || pending}>
        {pending ? ta("working") : submitLabel}
      </button>
    </form>
  );
}
