import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { parseServerEnv, sessionLimitsFrom } from "../../features/config/env.ts";
import { consentsOf } from "../../features/identity/consent.ts";
import { sessionsOf } from "../../features/identity/sessions.ts";
import { formatDate, formatDateTime } from "../../features/shared/dates.ts";
import { getDb } from "../../prisma/db.ts";
import { LocaleSwitch } from "../_components/locale-switch.tsx";
import { requireSession, SECOND_FACTOR_PATH, secondFactorOf } from "../_server/session.ts";
import { PresenceToggle } from "../tables/[tableId]/notes/presence-toggle.tsx";
import { ConsentSection } from "./consent-section.tsx";
import { EndSessionButton } from "./end-session-button.tsx";
import { PassphraseForm } from "./passphrase-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const session = await requireSession("/settings");
  const t = await getTranslations("settings");
  const locale = await getLocale();
  const when = (date: Date) => formatDateTime(date, locale);
  const tf = await getTranslations("secondFactor");
  const secondFactor = await secondFactorOf(session.accountId);
  const sessions = await sessionsOf(getDb(), session, sessionLimitsFrom(parseServerEnv()), new Date());
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
      <ConsentSection consents={await consentsOf(getDb(), session.accountId)} />
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" style={{ marginTop: 0 }}>
          {t("sessionsHeading")}
        </h2>
        <p className="hint">{t("sessionsLead")}</p>
        <ul className="member-list" data-testid="session-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <span>
                {t("sessionStarted", { at: when(s.createdAt) })}, {t("sessionLastSeen", { at: when(s.lastSeenAt) })}
                {s.current && <span className="badge">{t("thisSession")}</span>}
              </span>
              {!s.current && <EndSessionButton sessionId={s.id} label={t("endSessionLabel", { at: when(s.createdAt) })} />}
            </li>
          ))}
        </ul>
        {sessions.every((s) => s.current) && <p className="hint">{t("noOtherSessions")}</p>}
      </section>
      <section className="card" aria-labelledby="second-factor-heading">
        <h2 id="second-factor-heading" style={{ marginTop: 0 }}>
          {tf("title")}
        </h2>
        <p>
          {secondFactor.enabledAt
            ? tf("statusEnabled", { at: when(secondFactor.enabledAt) })
            : secondFactor.dueAt
              ? tf("dueNotice", { at: formatDate(secondFactor.dueAt, locale) })
              : tf("statusOff")}
        </p>
        <Link href={SECOND_FACTOR_PATH}>{tf("settingsLink")}</Link>
      </section>
      <section className="card" aria-labelledby="passphrase-heading">
        <h2 id="passphrase-heading" style={{ marginTop: 0 }}>
          {t("passphraseHeading")}
        </h2>
        <p className="hint">{t("passphraseLead")}</p>
        <PassphraseForm />
      </section>
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading" style={{ marginTop: 0 }}>
          {t("language")}
        </h2>
        <LocaleSwitch current={locale} />
      </section>
      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading" style={{ marginTop: 0 }}>
          {t("dataHeading")}
        </h2>
        <p className="hint">{t("dataLead")}</p>
        <Link href="/settings/data">{t("dataLink")}</Link>
      </section>
    </div>
  );
}
