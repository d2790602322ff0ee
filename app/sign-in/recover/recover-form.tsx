"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Field } from "../../_components/field.tsx";
import { FormError } from "../../_components/form-error.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";
import { useHydrated } from "../../_components/use-hydrated.ts";
import { fieldErrorCode } from "../../_server/action-result.ts";
import { recoverAction } from "./actions.ts";

export function RecoverForm() {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(recoverAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state?.ok) doneRef.current?.focus();
  }, [state]);
  const fieldError = (name: string) => {
    const code = fieldErrorCode(state, name);
    return code ? te(code) : null;
  };
  if (state?.ok) {
    return (
      <section className="card" aria-labelledby="recovered-heading" data-testid="recovery-code-panel">
        <h2 id="recovered-heading" tabIndex={-1} ref={doneRef} style={{ marginTop: 0 }}>
          {t("recoveredHeading")}
        </h2>
        <p>{t("recoveredLead")}</p>
        <p>
          <code data-testid="recovery-code" style={{ fontSize: "1.25rem", letterSpacing: "0.05em" }}>
            {state.data.recoveryCode}
          </code>
        </p>
        <p className="hint">{t("recoveryCodeHint")}</p>
        <p>
          <Link href="/sign-in">{t("recoveredSignIn")}</Link>
        </p>
      </section>
    );
  }
  const formLevel = state && !state.ok && (!state.field || state.field === "") ? state : null;
  return (
    <form method="post" onSubmit={onSubmit} className="card" noValidate>
      <FormError error={formLevel} />
      <Field
        name="signInName"
        type="text"
        label={t("signInName")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <Field
        name="recoveryCode"
        type="text"
        label={t("recoveryCode")}
        hint={t("recoveryCodeFieldHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <Field
        name="passphrase"
        type="password"
        label={t("newPassphrase")}
        hint={t("passphraseHint")}
        error={fieldError("passphrase")}
        autoComplete="new-password"
        required
      />
      <Field
        name="passphraseRepeat"
        type="password"
        label={t("passphraseRepeat")}
        error={fieldError("passphraseRepeat")}
        autoComplete="new-password"
        required
      />
      <button type="submit" disabled={!hydrated || pending}>
        {pending ? t("working") : t("recoverSubmit")}
      </button>
    </form>
  );
}
