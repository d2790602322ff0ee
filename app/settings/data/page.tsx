import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { formatEuros, formatHundredths } from "../../../features/compensation/money.ts";
import { lastFacilitatorTables } from "../../../features/identity/erasure.ts";
import { AUDIT_OTHER_MEMBER, AUDIT_YOU, personalData } from "../../../features/identity/personal-data.ts";
import { formatDateTime, formatDay } from "../../../features/shared/dates.ts";
import { getDb } from "../../../prisma/db.ts";
import { requireSession } from "../../_server/session.ts";
import { EraseAccountForm } from "./erase-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalData"))("title") };
}

/** Fields that hold a calendar day rather than a moment. */
const DAYS = new Set(["assessedOn", "dueOn", "occurredOn", "validFrom", "decidedOn", "scheduledFor", "measuredOn", "dueDate"]);
const CENTS = new Set(["amountCents", "rateCents", "hourRateCents", "budgetCents"]);

type Value = unknown;

export default async function PersonalDataPage() {
  const session = await requireSession("/settings/data");
  const t = await getTranslations("personalData");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const db = getDb();
  const data = await personalData(db, session.accountId, new Date());
  if (!data) redirect("/sign-in?callbackUrl=%2Fsettings%2Fdata");
  const blockers = await lastFacilitatorTables(db, session.accountId);

  const label = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}` as "fields.table") : key);
  // The log's markers for "this is you" and "this is another member", in the page's language.
  const marker = (value: string) => (value === AUDIT_YOU ? t("audit.you") : value === AUDIT_OTHER_MEMBER ? t("audit.otherMember") : value);
  const show = (key: string, value: Value): ReactNode => {
    if (value === null || value === undefined || value === "") return "—";
    if (value instanceof Date) return DAYS.has(key) ? formatDay(value, locale) : formatDateTime(value, locale);
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "number") {
      if (CENTS.has(key)) return formatEuros(value, locale);
      if (key === "quantityHundredths") return formatHundredths(value, locale);
      return String(value);
    }
    if (typeof value === "string") {
      if (key === "role" && tr.has(value)) return tr(value as "delegate");
      return marker(value);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return "—";
      if (value.every((item) => typeof item !== "object" || item === null)) return value.join(", ");
      return (
        <ul className="plain-list">
          {value.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
            <li key={index}>{fields(item as Record<string, Value>)}</li>
          ))}
        </ul>
      );
    }
    if (typeof value === "object") {
      return Object.values(value as Record<string, Value>)
        .map((v) => (v instanceof Date ? formatDateTime(v, locale) : marker(String(v ?? ""))))
        .filter(Boolean)
        .join(" · ");
    }
    return String(value);
  };
  function fields(row: Record<string, Value>): ReactNode {
    return (
      <dl className="facts">
        {Object.entries(row).map(([key, value]) => (
          <Fragment key={key}>
            <dt>{label(key)}</dt>
            <dd>{show(key, value)}</dd>
          </Fragment>
        ))}
      </dl>
    );
  }
  const rows = (list: Record<string, Value>[], testId: string) =>
    list.length === 0 ? (
      <p className="hint">{t("none")}</p>
    ) : (
      <ul className="plain-list" data-testid={testId}>
        {list.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows in the order they were made, never reordered
          <li key={index}>{fields(row)}</li>
        ))}
      </ul>
    );
  const section = (id: string, children: ReactNode, lead?: string) => (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} style={{ marginTop: 0 }}>
        {t(`sections.${id}` as "sections.account")}
      </h2>
      {lead && <p className="hint">{lead}</p>}
      {children}
    </section>
  );
  const groups = Object.entries(data.written);

  return (
    <div className="stack">
      <p>
        <Link href="/settings">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <section className="card" aria-labelledby="download-heading">
        <h2 id="download-heading" style={{ marginTop: 0 }}>
          {t("downloadHeading")}
        </h2>
        <p className="hint">{t("downloadHint")}</p>
        <p>
          <a className="button" href="/settings/data/export.json" download>
            {t("download")}
          </a>
        </p>
      </section>
      {section("account", <div data-testid="data-account">{fields(data.account)}</div>)}
      {section("memberships", rows(data.memberships, "data-memberships"))}
      {section(
        "written",
        groups.length === 0 ? (
          <p className="hint">{t("none")}</p>
        ) : (
          groups.map(([key, list]) => (
            <div key={key} data-testid={`data-written-${key}`}>
              <h3>{t.has(`groups.${key}`) ? t(`groups.${key}` as "groups.perceptions") : key}</h3>
              {rows(list, `data-rows-${key}`)}
            </div>
          ))
        ),
        t("writtenLead"),
      )}
      {section("ledger", rows(data.ledger, "data-ledger"), t("ledgerLead"))}
      {section("vault", rows(data.vault, "data-vault"), t("vaultLead"))}
      {section("sessions", rows(data.sessions, "data-sessions"))}
      {section("consents", rows(data.consents, "data-consents"))}
      {section("notifications", rows(data.notifications, "data-notifications"))}
      {section("audit", rows(data.audit, "data-audit"), t("auditLead"))}

      <section className="card" aria-labelledby="erase-heading">
        <h2 id="erase-heading" style={{ marginTop: 0 }}>
          {t("erase.heading")}
        </h2>
        <div className="alert alert-error">
          <p style={{ marginTop: 0 }}>
            <strong>{t("erase.warning")}</strong>
          </p>
          <ul>
            <li>{t("erase.gone")}</li>
            <li>{t("erase.tables")}</li>
            <li>{t("erase.organisation")}</li>
            <li>{t("erase.pseudonymous")}</li>
            <li>{t("erase.ledger")}</li>
            <li>{t("erase.signIn")}</li>
          </ul>
          <p style={{ marginBottom: 0 }}>{t("erase.downloadFirst")}</p>
        </div>
        {blockers.length > 0 ? (
          <div data-testid="erase-blocked">
            <p>{t("erase.blocked")}</p>
            <ul>
              {blockers.map((table) => (
                <li key={table.id}>
                  <Link href={`/tables/${table.id}/members`}>{table.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <EraseAccountForm />
        )}
      </section>
    </div>
  );
}
