"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { eraseAccountAction } from "../../_actions/personal-data.ts";
import { Field } from "../../_components/field.tsx";
import { FormError } from "../../_components/form-error.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";
import { useHydrated } from "../../_components/use-hydrated.ts";
import { fieldErrorCode } from "../../_server/action-result.ts";

/** The last step of erasing an account: the passphrase, then one explicit button. */
export function EraseAccountForm() {
  const t = useTranslations("personalData.erase");
  const ta = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(eraseAccountAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  const passphraseError = fieldErrorCode(state, "passphrase");
  const formLevel = state && !state.ok && !state.field ? state : null;
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormError error={formLevel} />
      <Field
        name="passphrase"
        type="password"
        label={t("passphrase")}
        hint={t("passphraseHint")}
        error={passphraseError ? te(passphraseError) : null}
        autoComplete="current-password"
        required
      />
      <button type="submit" className="danger" disabled={!hydrated || pending}>
        {pending ? ta("working") : t("confirm")}
      </button>
    </form>
  );
}
