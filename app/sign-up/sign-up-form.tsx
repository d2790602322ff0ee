"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { ChairDeclarationFields } from "../_components/chair-declaration-fields.tsx";
import { Field } from "../_components/field.tsx";
import { FormError } from "../_components/form-error.tsx";
import { useFormSubmit } from "../_components/use-form-submit.ts";
import { useHydrated } from "../_components/use-hydrated.ts";
import { fieldErrorCode } from "../_server/action-result.ts";
import { signUpAction } from "./actions.ts";

const OWN_PLACE = ["signInName", "pseudonym", "passphrase", "passphraseRepeat", "terms"];

export function SignUpForm({
  callbackUrl,
  invitation,
  chairDeclaration = false,
}: {
  callbackUrl: string;
  invitation?: string;
  /** The invitation is for the chair: signing the independence declaration is part of joining. */
  chairDeclaration?: boolean;
}) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(signUpAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  const [continuing, setContinuing] = useState(false);
  const codeRef = useRef<HTMLHeadingElement>(null);

  // Once the account exists, its recovery code is shown (once); then sign in with what was typed and go on.
  useEffect(() => {
    if (state?.ok) codeRef.current?.focus();
  }, [state]);
  const goOn = () => {
    if (!state?.ok || !formRef.current) return;
    setContinuing(true);
    const form = new FormData(formRef.current);
    void signIn("credentials", {
      redirect: false,
      signInName: String(form.get("signInName") ?? ""),
      passphrase: String(form.get("passphrase") ?? ""),
    }).then(() => {
      router.push(state.data.tableId ? `/tables/${state.data.tableId}` : callbackUrl);
      router.refresh();
    });
  };

  const fieldError = (name: string) => {
    const code = fieldErrorCode(state, name);
    return code ? te(code) : null;
  };
  // Errors of fields without their own place (the chair's declaration) show above the form.
  const formLevel = state && !state.ok && (!state.field || !OWN_PLACE.includes(state.field)) ? state : null;

  return (
    <>
      {state?.ok && (
        <section className="card" aria-labelledby="recovery-code-heading" data-testid="recovery-code-panel">
          <h2 id="recovery-code-heading" tabIndex={-1} ref={codeRef} style={{ marginTop: 0 }}>
            {t("recoveryCodeHeading")}
          </h2>
          <p>{t("recoveryCodeLead")}</p>
          <p>
            <code data-testid="recovery-code" style={{ fontSize: "1.25rem", letterSpacing: "0.05em" }}>
              {state.data.recoveryCode}
            </code>
          </p>
          <p className="hint">{t("recoveryCodeHint")}</p>
          <button type="button" onClick={goOn} disabled={continuing}>
            {continuing ? t("working") : t("recoveryCodeContinue")}
          </button>
        </section>
      )}
      <form method="post" onSubmit={onSubmit} ref={formRef} className="card" noValidate hidden={state?.ok}>
        <FormError error={formLevel} />
        {invitation && <input type="hidden" name="invitation" value={invitation} />}
        <Field
          name="signInName"
          type="text"
          label={t("signInName")}
          hint={t("signInNameHint")}
          error={fieldError("signInName")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <Field
          name="pseudonym"
          type="text"
          label={t("pseudonym")}
          hint={t("pseudonymHint")}
          error={fieldError("pseudonym")}
          autoComplete="nickname"
          required
        />
        <Field
          name="passphrase"
          type="password"
          label={t("passphrase")}
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
        {chairDeclaration && <ChairDeclarationFields />}
        <fieldset className="field">
          <legend>{t("consentHeading")}</legend>
          <div className="field">
            <label>
              <input
                type="checkbox"
                name="terms"
                required
                aria-invalid={fieldError("terms") ? true : undefined}
                aria-describedby={fieldError("terms") ? "field-terms-error" : undefined}
              />{" "}
              {t.rich("consentTerms", {
                link: (chunks) => (
                  <a href="/terms" target="_blank" rel="noopener">
                    {chunks}
                  </a>
                ),
              })}
            </label>
            {fieldError("terms") && (
              <p className="field-error" id="field-terms-error">
                {fieldError("terms")}
              </p>
            )}
          </div>
          <div className="field">
            <label>
              <input type="checkbox" name="listed" /> {t("consentListed")}
            </label>
            <p className="hint">{t("consentListedHint")}</p>
          </div>
          <fieldset className="field">
            <legend>{t("consentAttribution")}</legend>
            <label style={{ display: "block" }}>
              <input type="radio" name="attribution" value="organisation" defaultChecked /> {t("consentAttributionOrganisation")}
            </label>
            <label style={{ display: "block" }}>
              <input type="radio" name="attribution" value="person" /> {t("consentAttributionPerson")}
            </label>
            <label style={{ display: "block" }}>
              <input type="radio" name="attribution" value="anonymous" /> {t("consentAttributionAnonymous")}
            </label>
            <p className="hint">{t("consentAttributionHint")}</p>
          </fieldset>
        </fieldset>
        <button type="submit" disabled={!hydrated || pending || state?.ok}>
          {pending || state?.ok ? t("working") : t("submitSignUp")}
        </button>
      </form>
    </>
  );
}
