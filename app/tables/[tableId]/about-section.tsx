import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "../../../features/shared/dates.ts";
import { DECISION_RULES, LANGUAGE_CODES } from "../../../features/tables/details.ts";
import { TABLE_STATUSES } from "../../../features/tables/policy.ts";
import { archiveTableAction, changeStatusAction, unarchiveTableAction, updateDetailsAction } from "../../_actions/governance.ts";
import { ActionForm } from "../../_components/action-form.tsx";
import type { Overview, Table } from "./section-types.ts";
import { StandingText } from "./standing-text.tsx";

export async function AboutSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("tableInfo");
  const ts = await getTranslations("statuses");
  const tr = await getTranslations("decisionRules");
  const tl = await getTranslations("languageNames");
  const tm = await getTranslations("mandate");
  const locale = await getLocale();
  return (
    <section aria-labelledby="about">
      <h2 id="about">{t("about")}</h2>
      {table.archivedAt ? (
        <p className="alert alert-info">{t("archivedNotice", { at: formatDate(table.archivedAt, locale) })}</p>
      ) : (
        table.status === "closed" && <p className="alert alert-info">{t("closedNotice")}</p>
      )}
      <dl className="facts">
        <dt>{t("policyQuestion")}</dt>
        <dd>{table.policyQuestion || <span className="hint">{t("noQuestion")}</span>}</dd>
        <dt>{t("municipality")}</dt>
        <dd>{[table.municipality, table.region].filter(Boolean).join(", ") || "—"}</dd>
        <dt>{t("status")}</dt>
        <dd data-testid="table-status">{ts(table.status)}</dd>
        <dt>{t("decisionRule")}</dt>
        <dd>{tr(table.decisionRule)}</dd>
        <dt>{t("languages")}</dt>
        <dd>{table.languages.map((code) => (LANGUAGE_CODES.includes(code as never) ? tl(code as never) : code)).join(", ")}</dd>
        <dt>{tm("title")}</dt>
        <dd data-testid="mandate-standing">
          <StandingText standing={overview.standing} /> · <Link href={`/tables/${table.id}/mandate`}>{tm("open")}</Link>
          {overview.latestMandate && (
            <ul data-testid="table-mandate-domains">
              {overview.latestMandate.domains.map((d) => (
                <li key={d.domain} data-domain={d.domain} data-power={d.decisionPower}>
                  {tm("domainPower", { domain: tm(`domainNames.${d.domain}`), power: tm(`powers.${d.decisionPower}`) })}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("publicSummary")}</dt>
        <dd>
          {table.publicSummary ? t("publicSummaryOn") : t("publicSummaryOff")}
          {table.publicSummary && (
            <>
              {" "}
              · <Link href={`/tables/${table.id}/summary`}>{t("viewSummary")}</Link>
            </>
          )}
        </dd>
      </dl>
      {table.may["table.edit"] && (
        <details className="card">
          <summary>{t("edit")}</summary>
          <ActionForm action={updateDetailsAction} submitLabel={t("save")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="details-title">{(await getTranslations("home"))("tableTitle")}</label>
              <input id="details-title" name="title" type="text" defaultValue={table.title} maxLength={120} />
            </div>
            <div className="field">
              <label htmlFor="details-question">{t("policyQuestion")}</label>
              <textarea id="details-question" name="policyQuestion" defaultValue={table.policyQuestion} rows={3} maxLength={2000} />
            </div>
            <div className="row">
              <div className="field">
                <label htmlFor="details-municipality">{t("municipality")}</label>
                <input id="details-municipality" name="municipality" type="text" defaultValue={table.municipality} maxLength={120} />
              </div>
              <div className="field">
                <label htmlFor="details-region">{t("region")}</label>
                <input id="details-region" name="region" type="text" defaultValue={table.region} maxLength={120} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="details-rule">{t("decisionRule")}</label>
              <select id="details-rule" name="decisionRule" defaultValue={table.decisionRule}>
                {DECISION_RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {tr(rule)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>{t("languages")}</legend>
              <div className="row">
                {LANGUAGE_CODES.map((code) => (
                  <label key={code}>
                    <input type="checkbox" name="languages" value={code} defaultChecked={table.languages.includes(code)} /> {tl(code)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label>
                <input type="checkbox" name="publicSummary" defaultChecked={table.publicSummary} aria-describedby="public-hint" />{" "}
                {t("publicSummary")}
              </label>
              <p className="hint" id="public-hint">
                {t("publicSummaryHint")}
              </p>
            </div>
          </ActionForm>
        </details>
      )}
      {table.may["table.status.change"] && !table.archivedAt && (
        <ActionForm action={changeStatusAction} submitLabel={t("changeStatus")} className="row" secondary>
          <input type="hidden" name="tableId" value={table.id} />
          <div className="field">
            <label htmlFor="table-status-select">{t("status")}</label>
            <select id="table-status-select" name="status" defaultValue={table.status}>
              {TABLE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {ts(status)}
                </option>
              ))}
            </select>
          </div>
        </ActionForm>
      )}
      {table.may["table.status.change"] && table.status === "closed" && (
        <section className="card" aria-labelledby="archive-heading">
          <h3 id="archive-heading" style={{ marginTop: 0 }}>
            {t("archiveHeading")}
          </h3>
          {table.archivedAt ? (
            <ActionForm action={unarchiveTableAction} submitLabel={t("unarchive")} secondary>
              <p className="hint">{t("unarchiveHint")}</p>
              <input type="hidden" name="tableId" value={table.id} />
            </ActionForm>
          ) : (
            <ActionForm action={archiveTableAction} submitLabel={t("archive")} secondary>
              <p className="hint">{t("archiveHint")}</p>
              <input type="hidden" name="tableId" value={table.id} />
            </ActionForm>
          )}
        </section>
      )}
    </section>
  );
}
