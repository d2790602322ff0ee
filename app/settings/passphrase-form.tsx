"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePassphraseAction } from "../_actions/settings.ts";
import { Field } from "../_components/field.tsx";
import { FormError } from "../_components/form-error.tsx";
import { useFormSubmit } from "../_components/use-form-submit.ts";
import { useHydrated } from "../_components/use-hydrated.ts";
import { fieldErrorCode } from "../_server/action-result.ts";

export function PassphraseForm() {
  const t = useTranslations("settings");
  const ta = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(changePassphraseAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  const fieldError = (name: string) => {
    const code = fieldErrorCode(state, name);
    return code ? te(code) : null;
  };
  const formLevel = state && !state.ok && !state.field ? state : null;
  return (
    // A new key after success empties the fields, so the passphrases do not linger in the page.
    <form method="post" onSubmit={onSubmit} noValidate key={state?.ok ? "done" : "editing"}>
      <FormError error={formLevel} />
      <Field
        name="currentPassphrase"
        type="password"
        label={t("currentPassphrase")}
        error={fieldError("currentPassphrase")}
        autoComplete="current-password"
        required
      />
      <Field
        name="passphrase"
        type="password"
        label={t("newPassphrase")}
        hint={ta("passphraseHint")}
        error={fieldError("passphrase")}
        autoComplete="new-password"
        required
      />
      <Field
        name="passphraseRepeat"
        type="password"
        label={t("newPassphraseRepeat")}
        error={fieldError("passphraseRepeat")}
        autoComplete="new-password"
        required
      />
      <button type="submit" disabled={!hydrated || pending}>
        {pending ? ta("working") : t("changePassphrase")}
      </button>
      {state?.ok && (
        <p role="status" className="alert alert-info">
          {t("passphraseChanged", { count: state.data.endedSessions })}
        </p>
      )}
    </form>
  );
}
