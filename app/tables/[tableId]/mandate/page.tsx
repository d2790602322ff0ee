import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "../../../../features/shared/dates.ts";
import { DECISION_POWERS, ISSUING_BODIES, mandateHistory, mandateStanding, POLICY_DOMAINS } from "../../../../features/tables/mandates.ts";
import { getDb } from "../../../../prisma/db.ts";
import { recordMandateAction } from "../../../_actions/governance.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { loadTable } from "../load-table.ts";
import { StandingText } from "../standing-text.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/mandate`);
  return { title: `${(await getTranslations("mandate"))("title")} — ${table.title}` };
}

export default async function MandatePage({ params }: Props) {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/mandate`);
  const t = await getTranslations("mandate");
  const tt = await getTranslations("table");
  const locale = await getLocale();
  const day = (date: Date) => formatDay(date, locale, "long");
  const iso = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");
  const history = await mandateHistory(getDb(), table.id);
  const latest = history[0];
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>
        {t("title")} — {table.title}
      </h1>
      <p className="alert alert-info" data-testid="mandate-standing">
        <StandingText standing={mandateStanding(latest, new Date())} />
      </p>
      <p className="hint" id="shared-power-help">
        {t("sharedPowerHelp")}
      </p>
      {!latest && <p>{t("none")}</p>}
      {history.length > 0 && (
        <section aria-labelledby="history">
          <h2 id="history">{t("history")}</h2>
          <ol reversed className="plain-list" data-testid="mandate-history">
            {history.map((v) => (
              <li key={v.id} className="card" style={{ display: "block" }}>
                <h3 style={{ marginTop: 0 }}>{t("version", { version: v.version })}</h3>
                <p className="hint">
                  {t("recordedBy", {
                    pseudonym: table.members.find((m) => m.membershipId === v.recordedBy)?.pseudonym ?? t("formerMember"),
                    date: day(v.createdAt),
                  })}
                </p>
                {v.amendmentNote && <p>{t("amendedOn", { note: v.amendmentNote })}</p>}
                <dl className="facts">
                  <dt>{t("issuingBody")}</dt>
                  <dd>{t(`bodies.${v.issuingBody}`)}</dd>
                  <dt>{t("decisionReference")}</dt>
                  <dd>
                    {v.decisionReference}, {day(v.decisionDate)}
                  </dd>
                  <dt>{t("scope")}</dt>
                  <dd>{v.scope}</dd>
                  <dt>{t("domainPowers")}</dt>
                  <dd>
                    <ul data-testid="mandate-domains">
                      {v.domains.map((d) => (
                        <li key={d.domain} data-domain={d.domain} data-power={d.decisionPower}>
                          {t("domainPower", { domain: t(`domainNames.${d.domain}`), power: t(`powers.${d.decisionPower}`) })}
                        </li>
                      ))}
                    </ul>
                  </dd>
                  {v.issuerCommitment && (
                    <>
                      <dt>{t("issuerCommitment")}</dt>
                      <dd>{v.issuerCommitment}</dd>
                    </>
                  )}
                  <dt>{t("term")}</dt>
                  <dd>
                    {day(v.termStart)} – {day(v.termEnd)}
                    {v.reviewDate && ` (${t("reviewDate")}: ${day(v.reviewDate)})`}
                  </dd>
                  <dt>{t("officials")}</dt>
                  <dd>
                    <ul data-testid="mandate-officials">
                      {v.officials.map((o) => (
                        <li key={`${o.office}-${o.portfolio}`}>
                          {o.office}
                          {o.portfolio && ` — ${o.portfolio}`}
                          {o.domains.length > 0 && ` (${o.domains.map((d) => t(`domainNames.${d}`)).join(", ")})`}
                        </li>
                      ))}
                    </ul>
                  </dd>
                  {v.attachments.length > 0 && (
                    <>
                      <dt>{t("attachments")}</dt>
                      <dd>{v.attachments.join("; ")}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ol>
        </section>
      )}
      {table.may["mandate.record"] && (
        <section aria-labelledby="record" className="card">
          <h2 id="record" style={{ marginTop: 0 }}>
            {latest ? t("amend") : t("record")}
          </h2>
          <ActionForm action={recordMandateAction} submitLabel={t("save")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="row">
              <div className="field">
                <label htmlFor="m-body">{t("issuingBody")}</label>
                <select id="m-body" name="issuingBody" defaultValue={latest?.issuingBody ?? "college"}>
                  {ISSUING_BODIES.map((b) => (
                    <option key={b} value={b}>
                      {t(`bodies.${b}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="m-ref">{t("decisionReference")}</label>
                <input id="m-ref" name="decisionReference" type="text" defaultValue={latest?.decisionReference} />
              </div>
              <div className="field">
                <label htmlFor="m-date">{t("decisionDate")}</label>
                <input id="m-date" name="decisionDate" type="date" defaultValue={iso(latest?.decisionDate)} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="m-scope">{t("scope")}</label>
              <textarea id="m-scope" name="scope" rows={3} defaultValue={latest?.scope} />
            </div>
            <fieldset className="field" aria-describedby="domain-powers-hint">
              <legend>{t("domainPowers")}</legend>
              <p className="hint" id="domain-powers-hint">
                {t("domainPowersHint")}
              </p>
              <div className="row">
                {POLICY_DOMAINS.map((d) => (
                  <div className="field" key={d}>
                    <label htmlFor={`m-power-${d}`}>{t(`domainNames.${d}`)}</label>
                    <select
                      id={`m-power-${d}`}
                      name={`power.${d}`}
                      defaultValue={latest?.domains.find((covered) => covered.domain === d)?.decisionPower ?? ""}
                    >
                      <option value="">{t("notCovered")}</option>
                      {DECISION_POWERS.map((p) => (
                        <option key={p} value={p}>
                          {t(`powers.${p}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="m-commitment">{t("issuerCommitment")}</label>
              <textarea id="m-commitment" name="issuerCommitment" rows={2} defaultValue={latest?.issuerCommitment} />
            </div>
            <div className="row">
              <div className="field">
                <label htmlFor="m-start">{t("termStart")}</label>
                <input id="m-start" name="termStart" type="date" defaultValue={iso(latest?.termStart)} />
              </div>
              <div className="field">
                <label htmlFor="m-end">{t("termEnd")}</label>
                <input id="m-end" name="termEnd" type="date" defaultValue={iso(latest?.termEnd)} />
              </div>
              <div className="field">
                <label htmlFor="m-review">{t("reviewDate")}</label>
                <input id="m-review" name="reviewDate" type="date" defaultValue={iso(latest?.reviewDate)} />
              </div>
            </div>
            {[0, 1, 2].map((n) => {
              const official = latest?.officials[n];
              return (
                <fieldset className="field" key={n}>
                  <legend>{t("official", { n: n + 1 })}</legend>
                  <div className="row">
                    <div className="field">
                      <label htmlFor={`m-office-${n}`}>{t("office")}</label>
                      <input id={`m-office-${n}`} name={`official${n}.office`} type="text" defaultValue={official?.office} />
                    </div>
                    <div className="field">
                      <label htmlFor={`m-portfolio-${n}`}>{t("portfolio")}</label>
                      <input id={`m-portfolio-${n}`} name={`official${n}.portfolio`} type="text" defaultValue={official?.portfolio} />
                    </div>
                  </div>
                  <fieldset className="row" style={{ border: 0, padding: 0 }}>
                    <legend className="hint">{t("officialDomains")}</legend>
                    {POLICY_DOMAINS.map((d) => (
                      <label key={d}>
                        <input type="checkbox" name={`official${n}.domains`} value={d} defaultChecked={official?.domains.includes(d)} />{" "}
                        {t(`domainNames.${d}`)}
                      </label>
                    ))}
                  </fieldset>
                </fieldset>
              );
            })}
            <div className="field">
              <label htmlFor="m-attachments">{t("attachments")}</label>
              <textarea id="m-attachments" name="attachments" rows={2} defaultValue={latest?.attachments.join("\n")} />
            </div>
            {latest && (
              <div className="field">
                <label htmlFor="m-note">{t("amendmentNote")}</label>
                <textarea id="m-note" name="amendmentNote" rows={2} />
              </div>
            )}
          </ActionForm>
        </section>
      )}
    </div>
  );
}
