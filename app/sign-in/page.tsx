import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeReturnPath } from "../_server/return-path.ts";
import { SignInForm } from "./sign-in-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth");
  const callbackUrl = safeReturnPath(params.callbackUrl);
  return (
    <div className="stack">
      <h1>{t("signInTitle")}</h1>
      {params.signedOut && (
        <p className="alert alert-ok" role="status">
          {t("signedOut")}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        <Link href="/sign-in/recover">{t("forgotPassphrase")}</Link>
      </p>
      <p>
        {t("noAccount")}{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{(await getTranslations("nav"))("signUp")}</Link>
      </p>
    </div>
  );
}
