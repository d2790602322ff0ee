"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { ChairDeclarationFields } from "../_components/chair-declaration-fields.tsx";
import { Field } from "../_components/field.tsx";
import { FormError } from "../_components/form-error.tsx";
import { useFormSubmit } from "../_components/use-form-submit.ts";
import { fieldErrorCode } from "../_server/action-result.ts";
import { signUpAction } from "./actions.ts";

const OWN_PLACE = ["signInName", "pseudonym", "passphrase", "passphraseRepeat"];

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

  // Once the account exists, sign in with what was typed and go on.
  useEffect(() => {
    if (!state?.ok || !formRef.current) return;
    const form = new FormData(formRef.current);
    void signIn("credentials", {
      redirect: false,
      signInName: String(form.get("signInName") ?? ""),
      passphrase: String(form.get("passphrase") ?? ""),
    }).then(() => {
      router.push(state.data.tableId ? `/tables/${state.data.tableId}` : callbackUrl);
      router.refresh();
    });
  }, [state, callbackUrl, router]);

  const fieldError = (name: string) => {
    const code = fieldErrorCode(state, name);
    return code ? te(code) : null;
  };
  // Errors of fields without their own place (the chair's declaration) show above the form.
  const formLevel = state && !state.ok && (!state.field || !OWN_PLACE.includes(state.field)) ? state : null;

  return (
    <form onSubmit={onSubmit} ref={formRef} className="card" noValidate>
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
      <button type="submit" disabled={pending || state?.ok}>
        {pending || state?.ok ? t("working") : t("submitSignUp")}
      </button>
    </form>
  );
}
