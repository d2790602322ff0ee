import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeReturnPath } from "../_server/return-path.ts";
import { SignUpForm } from "./sign-up-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("auth");
  const callbackUrl = safeReturnPath(params.callbackUrl);
  return (
    <div className="stack">
      <h1>{t("signUpTitle")}</h1>
      <p className="lead">{t("signUpLead")}</p>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        {t("haveAccount")} <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t("submitSignIn")}</Link>
      </p>
    </div>
  );
}
