import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleSwitch } from "../_components/locale-switch.tsx";
import { requireSession } from "../_server/session.ts";
import { PresenceToggle } from "../tables/[tableId]/notes/presence-toggle.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const session = await requireSession("/settings");
  const t = await getTranslations("settings");
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <section className="card" aria-labelledby="presence-heading">
        <h2 id="presence-heading" style={{ marginTop: 0 }}>
          {t("presence")}
        </h2>
        <p className="hint">{t("presenceHint")}</p>
        <PresenceToggle enabled={session.presenceEnabled} />
      </section>
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading" style={{ marginTop: 0 }}>
          {t("language")}
        </h2>
        <LocaleSwitch current={await getLocale()} />
      </section>
    </div>
  );
}
