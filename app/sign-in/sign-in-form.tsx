"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import type { ErrorCode } from "../../features/shared/app-error.ts";
import { Field } from "../_components/field.tsx";
import { FormError } from "../_components/form-error.tsx";
import { useHydrated } from "../_components/use-hydrated.ts";
import type { ActionError } from "../_server/action-result.ts";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  // Shown once the passphrase was right for an account with a second factor.
  const [needsCode, setNeedsCode] = useState(false);
  useEffect(() => {
    if (needsCode) document.getElementById("field-code")?.focus();
  }, [needsCode]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      signInName: String(form.get("signInName") ?? ""),
      passphrase: String(form.get("passphrase") ?? ""),
      code: String(form.get("code") ?? ""),
    });
    if (!result || result.error) {
      const problem = parseSignInError(result?.error);
      setPending(false);
      if (problem.code === "SIGN_IN_CODE_REQUIRED" || problem.code === "SIGN_IN_CODE_INVALID") setNeedsCode(true);
      setError(problem);
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  const codeError = error?.code === "SIGN_IN_CODE_INVALID" ? te("SIGN_IN_CODE_INVALID") : null;
  return (
    <form method="post" onSubmit={onSubmit} className="card" noValidate>
      <FormError error={codeError ? null : error} />
      <Field
        name="signInName"
        label={t("signInName")}
        autoComplete="username"
        required
        autoCapitalize="none"
        spellCheck={false}
        type="text"
      />
      <Field name="passphrase" label={t("passphrase")} type="password" autoComplete="current-password" required />
      {needsCode && (
        <Field
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          error={codeError}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={8}
          required
        />
      )}
      <button type="submit" disabled={!hydrated || pending}>
        {pending ? t("working") : t("submitSignIn")}
      </button>
    </form>
  );
}

function parseSignInError(raw: string | null | undefined): ActionError {
  const [code, retryAt] = (raw ?? "").split("|");
  if (code === "SIGN_IN_THROTTLED" && retryAt) return { ok: false, code, details: { retryAt } };
  if (code === "SIGN_IN_FAILED" || code === "SIGN_IN_CODE_REQUIRED" || code === "SIGN_IN_CODE_INVALID")
    return { ok: false, code: code as ErrorCode };
  // next-auth reports a plain failure of authorize() as "CredentialsSignin".
  return { ok: false, code: "SIGN_IN_FAILED" };
}
