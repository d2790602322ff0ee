"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import type { ErrorCode } from "../../features/shared/app-error.ts";
import { Field } from "../_components/field.tsx";
import { FormError } from "../_components/form-error.tsx";
import type { ActionError } from "../_server/action-result.ts";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      signInName: String(form.get("signInName") ?? ""),
      passphrase: String(form.get("passphrase") ?? ""),
    });
    if (!result || result.error) {
      setPending(false);
      setError(parseSignInError(result?.error));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="card" noValidate>
      <FormError error={error} />
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
      <button type="submit" disabled={pending}>
        {pending ? t("working") : t("submitSignIn")}
      </button>
    </form>
  );
}

function parseSignInError(raw: string | null | undefined): ActionError {
  const [code, retryAt] = (raw ?? "").split("|");
  if (code === "SIGN_IN_THROTTLED" && retryAt) return { ok: false, code, details: { retryAt } };
  if (code === "SIGN_IN_FAILED") return { ok: false, code: code as ErrorCode };
  // next-auth reports a plain failure of authorize() as "CredentialsSignin".
  return { ok: false, code: "SIGN_IN_FAILED" };
}
