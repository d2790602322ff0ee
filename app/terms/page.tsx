import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CONSENT_TEXT_VERSIONS } from "../../features/identity/consent.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terms"))("title") };
}

const SECTIONS = ["what", "stored", "who", "never", "rights", "recovery"] as const;

/** The terms people agree to at sign-up, with the version their consent record names. */
export default async function TermsPage() {
  const t = await getTranslations("terms");
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="hint" data-testid="terms-version">
        {t("version", { version: CONSENT_TEXT_VERSIONS.terms })}
      </p>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`terms-${section}`}>
          <h2 id={`terms-${section}`}>{t(`${section}.heading`)}</h2>
          <p>{t(`${section}.text`)}</p>
        </section>
      ))}
    </div>
  );
}
