import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RecoverForm } from "./recover-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("recoverTitle") };
}

/** Forgot the passphrase: the recovery code from sign-up sets a new one. There is no email to send a link to. */
export default async function RecoverPage() {
  const t = await getTranslations("auth");
  return (
    <div className="stack">
      <h1>{t("recoverTitle")}</h1>
      <p>{t("recoverLead")}</p>
      <RecoverForm />
      <p className="hint">{t("recoverNoCode")}</p>
    </div>
  );
}
