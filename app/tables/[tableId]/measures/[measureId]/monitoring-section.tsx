// Monitoring an adopted measure: the indicators with their values over time (a chart and the same
// values as a table), the parties that evaluate together, and the reviews with each party's
// assessment and what the table decided.
import { getLocale, getTranslations } from "next-intl/server";
import { formatNumber } from "../../../../../features/facts/format.ts";
import {
  IMPACT_EFFECTS,
  INDICATOR_VALUE_TYPES,
  REPORTING_FREQUENCIES,
  REVIEW_DIMENSIONS,
  REVIEW_OUTCOMES,
  REVIEW_VERDICTS,
} from "../../../../../features/measures/model.ts";
import type { MeasurePage } from "../../../../../features/measures/queries.ts";
import { amsterdamInputValue, formatDay } from "../../../../../features/shared/dates.ts";
import type { IndicatorValueType } from "../../../../../generated/prisma/enums.ts";
import {
  addIndicatorAction,
  addReviewDateAction,
  assessReviewAction,
  decideReviewAction,
  openReviewAction,
  recordValueAction,
  setEvaluatorsAction,
} from "../../../../_actions/measures.ts";
import { ActionForm } from "../../../../_components/action-form.tsx";
import { IndicatorChart } from "./indicator-chart.tsx";

export async function MonitoringSection({ tableId, page }: { tableId: string; page: MeasurePage }) {
  const t = await getTranslations("measures");
  const locale = await getLocale();
  const monitored = ["adopted", "in_force", "under_review"].includes(page.measure.status) || page.reviews.some((r) => r.decidedAt);
  const hidden = (
    <>
      <input type="hidden" name="tableId" value={tableId} />
      <input type="hidden" name="measureId" value={page.measure.id} />
    </>
  );
  const show = (type: IndicatorValueType, value: number) => t(`valueFormats.${type}`, { value: formatNumber(value, locale) });
  const today = amsterdamInputValue(new Date()).slice(0, 10);
  const openReview = page.reviews.find((r) => r.openedAt && !r.decidedAt);
  if (!monitored && page.indicators.length === 0) {
    return (
      <section aria-labelledby="monitoring-heading">
        <h2 id="monitoring-heading">{t("monitoringHeading")}</h2>
        <p className="hint">{t("monitoringBeforeAdoption")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="monitoring-heading" data-testid="monitoring">
      <h2 id="monitoring-heading">{t("monitoringHeading")}</h2>
      <h3>{t("indicatorsHeading")}</h3>
      {page.indicators.length === 0 && <p className="hint">{t("indicatorsNone")}</p>}
      {page.indicators.map((indicator) => (
        <article key={indicator.id} className="card" aria-labelledby={`indicator-${indicator.id}`} data-testid="indicator">
          <h4 id={`indicator-${indicator.id}`} style={{ marginTop: 0 }}>
            {indicator.name}
          </h4>
          <p className="hint">
            {t("indicatorMeta", {
              source: indicator.source || "—",
              reporter: indicator.reporter,
              frequency: t(`frequencies.${indicator.frequency}`),
            })}
            {indicator.baselineValue !== null && ` · ${t("baseline", { value: show(indicator.valueType, indicator.baselineValue) })}`}
            {indicator.baselineFact && (
              <>
                {" "}
                (<a href={`/tables/${tableId}/facts/${indicator.baselineFact.id}`}>{indicator.baselineFact.code}</a>)
              </>
            )}
          </p>
          {indicator.values.length === 0 ? (
            <p className="hint">{t("valuesNone")}</p>
          ) : (
            <div className="row" style={{ alignItems: "flex-start" }}>
              <IndicatorChart
                label={t("chartLabel", { indicator: indicator.name })}
                points={indicator.values}
                baseline={indicator.baselineValue}
                format={(v) => formatNumber(v, locale)}
                formatDay={(d) => formatDay(d, locale)}
              />
              <table className="grid" data-testid="indicator-values">
                <caption>{t("valuesCaption", { indicator: indicator.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("measuredOn")}</th>
                    <th scope="col">{t("value")}</th>
                    <th scope="col">{t("note")}</th>
                  </tr>
                </thead>
                <tbody>
                  {indicator.values.map((v) => (
                    <tr key={v.id}>
                      <td>{formatDay(v.measuredOn, locale)}</td>
                      <td>{show(indicator.valueType, v.value)}</td>
                      <td>{v.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {indicator.mayReport && (
            <details>
              <summary>{t("recordValue")}</summary>
              <ActionForm action={recordValueAction} submitLabel={t("saveValue")} savedMessage={t("valueSaved")}>
                {hidden}
                <input type="hidden" name="indicatorId" value={indicator.id} />
                {openReview && <input type="hidden" name="reviewId" value={openReview.id} />}
                <div className="field">
                  <label htmlFor={`value-${indicator.id}`}>{t("valueIn", { unit: t(`valueTypes.${indicator.valueType}`) })}</label>
                  <input id={`value-${indicator.id}`} name="value" inputMode="decimal" required />
                </div>
                <div className="field">
                  <label htmlFor={`measured-${indicator.id}`}>{t("measuredOn")}</label>
                  <input id={`measured-${indicator.id}`} name="measuredOn" type="date" max={today} defaultValue={today} required />
                </div>
                <div className="field">
                  <label htmlFor={`note-${indicator.id}`}>{t("note")}</label>
                  <input id={`note-${indicator.id}`} name="note" maxLength={2000} />
                </div>
              </ActionForm>
            </details>
          )}
        </article>
      ))}

      {page.may.plan && (
        <details>
          <summary>{t("addIndicator")}</summary>
          <ActionForm action={addIndicatorAction} submitLabel={t("addIndicator")} savedMessage={t("indicatorAdded")}>
            {hidden}
            <div className="field">
              <label htmlFor="indicator-name">{t("indicatorName")}</label>
              <input id="indicator-name" name="name" maxLength={200} required />
            </div>
            <div className="field">
              <label htmlFor="indicator-source">{t("indicatorSource")}</label>
              <input id="indicator-source" name="source" maxLength={300} />
            </div>
            <div className="field">
              <label htmlFor="indicator-type">{t("indicatorType")}</label>
              <select id="indicator-type" name="valueType">
                {INDICATOR_VALUE_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {t(`valueTypes.${v}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="indicator-baseline">{t("indicatorBaseline")}</label>
              <input id="indicator-baseline" name="baseline" maxLength={40} inputMode="decimal" />
            </div>
            {page.facts.length > 0 && (
              <div className="field">
                <label htmlFor="indicator-fact">{t("indicatorBaselineFact")}</label>
                <select id="indicator-fact" name="baselineFactId" defaultValue="">
                  <option value="">{t("noFact")}</option>
                  {page.facts.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.code} — {f.title}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor="indicator-reporter">{t("indicatorReporter")}</label>
              <select id="indicator-reporter" name="reporterPartyId">
                {page.parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="indicator-frequency">{t("indicatorFrequency")}</label>
              <select id="indicator-frequency" name="frequency" defaultValue="quarterly">
                {REPORTING_FREQUENCIES.map((f) => (
                  <option key={f} value={f}>
                    {t(`frequencies.${f}`)}
                  </option>
                ))}
              </select>
            </div>
          </ActionForm>
        </details>
      )}

      <h3>{t("evaluatorsHeading")}</h3>
      <p>{page.evaluators.length === 0 ? t("evaluatorsNone") : page.evaluators.map((p) => p.name).join(", ")}</p>
      {page.may.plan && (
        <details>
          <summary>{t("setEvaluators")}</summary>
          <ActionForm action={setEvaluatorsAction} submitLabel={t("saveEvaluators")} savedMessage={t("evaluatorsSaved")}>
            {hidden}
            <fieldset className="field">
              <legend>{t("evaluatorsLegend")}</legend>
              <p className="hint">{t("evaluatorsHint")}</p>
              {page.parties.map((p) => (
                <label key={p.id} style={{ display: "block" }}>
                  <input type="checkbox" name="partyIds" value={p.id} defaultChecked={page.evaluators.some((e) => e.id === p.id)} />{" "}
                  {p.name}
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </details>
      )}

      <h3>{t("reviewsHeading")}</h3>
      {page.reviews.length === 0 && <p className="hint">{t("reviewsNone")}</p>}
      {page.reviews.map((review) => (
        <article key={review.id} className="card" aria-labelledby={`review-${review.id}`} data-testid="review">
          <h4 id={`review-${review.id}`} style={{ marginTop: 0 }}>
            {t("reviewOf", { date: formatDay(review.scheduledFor, locale) })}{" "}
            <span className="badge">{review.decidedAt ? t("reviewDecided") : review.openedAt ? t("reviewOpen") : t("reviewPlanned")}</span>
          </h4>
          {review.outcome && (
            <p role="status" data-testid="review-outcome">
              <strong>{t(`outcomeHeadline.${review.outcome}`)}</strong> {review.outcomeNote}
            </p>
          )}
          {review.openedAt && (
            <table className="grid grid-fixed">
              <caption className="visually-hidden">{t("reviewTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("party")}</th>
                  <th scope="col">{t("verdict")}</th>
                  {REVIEW_DIMENSIONS.map((d) => (
                    <th key={d} scope="col">
                      {t(`dimensions.${d}`)}
                    </th>
                  ))}
                  <th scope="col">{t("reasoning")}</th>
                </tr>
              </thead>
              <tbody>
                {review.assessments.map((row) => (
                  <tr key={row.partyId} data-testid="review-assessment">
                    <th scope="row">{row.name}</th>
                    {row.assessment ? (
                      <>
                        <td>{t(`verdicts.${row.assessment.verdict}`)}</td>
                        {REVIEW_DIMENSIONS.map((d) => (
                          <td key={d}>{t(`effects.${row.assessment?.[d] ?? "unknown"}`)}</td>
                        ))}
                        <td>{row.assessment.reasoning}</td>
                      </>
                    ) : (
                      <td colSpan={REVIEW_DIMENSIONS.length + 2} className="hint">
                        {t("noAssessmentYet")}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {review.values.length > 0 && (
            <p className="hint">
              {t("reviewValues")}: {review.values.map((v) => `${v.indicator}: ${show(v.valueType, v.value)}`).join(" · ")}
            </p>
          )}
          {review.mayOpen && (
            <ActionForm action={openReviewAction} submitLabel={t("openReview")} savedMessage={t("reviewOpened")}>
              {hidden}
              <input type="hidden" name="reviewId" value={review.id} />
            </ActionForm>
          )}
          {review.evaluateAs && (
            <div>
              <h5>{t("evaluateHeading", { party: review.evaluateAs.party })}</h5>
              <ActionForm action={assessReviewAction} submitLabel={t("saveReviewAssessment")} savedMessage={t("reviewAssessmentSaved")}>
                {hidden}
                <input type="hidden" name="reviewId" value={review.id} />
                <fieldset className="field">
                  <legend>{t("verdictQuestion")}</legend>
                  {REVIEW_VERDICTS.map((v) => (
                    <label key={v} style={{ display: "block" }}>
                      <input type="radio" name="verdict" value={v} /> {t(`verdicts.${v}`)}
                    </label>
                  ))}
                </fieldset>
                {REVIEW_DIMENSIONS.map((d) => (
                  <fieldset key={d} className="field">
                    <legend>{t("reviewEffect", { dimension: t(`dimensions.${d}`) })}</legend>
                    <div className="row">
                      {IMPACT_EFFECTS.map((e) => (
                        <label key={e}>
                          <input type="radio" name={d} value={e} /> {t(`effects.${e}`)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ))}
                <div className="field">
                  <label htmlFor={`review-reasoning-${review.id}`}>{t("reasoning")}</label>
                  <textarea id={`review-reasoning-${review.id}`} name="reasoning" rows={3} maxLength={4000} />
                </div>
              </ActionForm>
            </div>
          )}
          {review.mayDecide && (
            <div>
              <h5>{t("decideHeading")}</h5>
              <ActionForm action={decideReviewAction} submitLabel={t("saveDecision")} savedMessage={t("decisionSaved")}>
                {hidden}
                <input type="hidden" name="reviewId" value={review.id} />
                <fieldset className="field">
                  <legend>{t("outcomeQuestion")}</legend>
                  {REVIEW_OUTCOMES.map((o) => (
                    <label key={o} style={{ display: "block" }}>
                      <input type="radio" name="outcome" value={o} /> {t(`outcomes.${o}`)}
                    </label>
                  ))}
                </fieldset>
                <div className="field">
                  <label htmlFor={`decision-note-${review.id}`}>{t("decisionNote")}</label>
                  <textarea id={`decision-note-${review.id}`} name="note" rows={3} maxLength={4000} />
                </div>
              </ActionForm>
            </div>
          )}
        </article>
      ))}
      {page.may.plan && (
        <details>
          <summary>{t("addReviewDate")}</summary>
          <ActionForm action={addReviewDateAction} submitLabel={t("addReviewDate")} savedMessage={t("reviewDateAdded")}>
            {hidden}
            <div className="field">
              <label htmlFor="review-date">{t("reviewDate")}</label>
              <input id="review-date" name="scheduledFor" type="date" min={today} required />
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
