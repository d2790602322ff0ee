import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pendingSecondFactorSetup } from "../../../features/identity/second-factor.ts";
import { formatDate, formatDateTime } from "../../../features/shared/dates.ts";
import { getDb } from "../../../prisma/db.ts";
import { requireSession, SECOND_FACTOR_PATH, secondFactorOf } from "../../_server/session.ts";
import { ConfirmForm, RemoveForm } from "./code-forms.tsx";
import { StartForm } from "./start-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("title") };
}

export default async function SecondFactorPage() {
  const session = await requireSession(SECOND_FACTOR_PATH, { secondFactorSetup: true });
  const t = await getTranslations("secondFactor");
  const locale = await getLocale();
  const overview = await secondFactorOf(session.accountId);
  const setup = overview.pending ? await pendingSecondFactorSetup(getDb(), session.accountId) : null;
  const enabled = overview.requirement === "enabled";
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {overview.requirement === "required" && (
        <p className="alert alert-error" role="alert">
          {t("requiredNotice")}
        </p>
      )}
      {overview.requirement === "due" && overview.dueAt && (
        <p className="alert alert-info">{t("dueNotice", { at: formatDate(overview.dueAt, locale) })}</p>
      )}
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading" style={{ marginTop: 0 }}>
          {enabled && overview.enabledAt ? t("statusEnabled", { at: formatDateTime(overview.enabledAt, locale) }) : t("statusOff")}
        </h2>
        {enabled && <p>{t("enabledHint")}</p>}
        <p className="hint">{t("privacyHint")}</p>
        {!enabled && !setup && <StartForm again={false} />}
        {setup && (
          <>
            <p>{t("step1")}</p>
            <svg className="qr-code" role="img" aria-label={t("qrLabel")} viewBox={`-2 -2 ${setup.qr.size + 4} ${setup.qr.size + 4}`}>
              <rect x={-2} y={-2} width={setup.qr.size + 4} height={setup.qr.size + 4} fill="#fff" />
              <path d={setup.qr.path} fill="#000" />
            </svg>
            <p>{t("manual")}</p>
            <p className="secret-key" data-testid="second-factor-secret">
              {setup.secret.replace(/(.{4})/g, "$1 ").trim()}
            </p>
            <p>{t("step2")}</p>
            <ConfirmForm />
            <StartForm again />
          </>
        )}
      </section>
      {enabled && (
        <section className="card" aria-labelledby="remove-heading">
          <h2 id="remove-heading" style={{ marginTop: 0 }}>
            {t("removeHeading")}
          </h2>
          {overview.holdsSecondFactorRole ? (
            <p className="hint">{t("removeNotAllowed")}</p>
          ) : (
            <>
              <p className="hint">{t("removeLead")}</p>
              <RemoveForm />
            </>
          )}
        </section>
      )}
      <p className="hint">{t("lostHint")}</p>
      <p>
        <Link href="/settings">{t("backToSettings")}</Link>
      </p>
    </div>
  );
}
