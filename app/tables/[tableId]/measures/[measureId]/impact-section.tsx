// The joint impact check: per dimension, each party's expected effect side by side, the sex worker
// parties first and never tallied away; what remains negative without a mitigation, stated
// plainly; the answer form for a delegate's own party and the mitigations the table agreed.
import { getLocale, getTranslations } from "next-intl/server";
import { IMPACT_DIMENSIONS, IMPACT_EFFECTS, MITIGATION_KINDS } from "../../../../../features/measures/model.ts";
import type { MeasurePage } from "../../../../../features/measures/queries.ts";
import { formatDateTime } from "../../../../../features/shared/dates.ts";
import { recordMitigationAction, removeMitigationAction, respondToCheckAction } from "../../../../_actions/measures.ts";
import { ActionForm } from "../../../../_components/action-form.tsx";

export async function ImpactSection({ tableId, page }: { tableId: string; page: MeasurePage }) {
  const t = await getTranslations("measures");
  const locale = await getLocale();
  const check = page.checks[0];
  const factCode = new Map(page.facts.map((f) => [f.id, f.code]));
  const hidden = (
    <>
      <input type="hidden" name="tableId" value={tableId} />
      <input type="hidden" name="measureId" value={page.measure.id} />
    </>
  );
  if (!check) {
    return (
      <section aria-labelledby="impact-heading">
        <h2 id="impact-heading">{t("impactHeading")}</h2>
        <p className="hint">{t("impactNone")}</p>
      </section>
    );
  }
  const { summary, completeness } = check;
  const mine = page.answerAs?.latest ?? null;
  return (
    <section aria-labelledby="impact-heading" data-testid="impact-check">
      <h2 id="impact-heading">{t("impactHeading")}</h2>
      <p className="hint">
        {t("impactOn", { version: check.version, at: formatDateTime(check.openedAt, locale) })}
        {check.closedAt ? ` · ${t("impactClosed", { at: formatDateTime(check.closedAt, locale) })}` : ""}
      </p>
      <p role="status" data-testid="impact-completeness">
        {completeness.complete
          ? t("impactComplete", { answered: completeness.answered, declined: completeness.declined })
          : t("impactIncomplete", {
              missing: summary.parties
                .filter((p) => p.status === "missing")
                .map((p) => p.name)
                .join(", "),
            })}
      </p>
      <ul>
        {summary.parties.map((party) => (
          <li key={party.partyId} data-testid="impact-party">
            <strong>{party.name}</strong> — {t(`responseStatus.${party.status}`)}
            {party.declineReason && ` (${party.declineReason})`}
          </li>
        ))}
      </ul>

      <section aria-labelledby="impact-summary" className="card" data-testid="impact-summary">
        <h3 id="impact-summary" style={{ marginTop: 0 }}>
          {t("summaryHeading")}
        </h3>
        {summary.remaining.length === 0 ? (
          <p>{summary.dimensions.some((d) => d.negative.length > 0) ? t("summaryAllMitigated") : t("summaryNoNegative")}</p>
        ) : (
          <>
            <p>
              <strong>{t("summaryRemaining")}</strong>
            </p>
            <ul>
              {summary.remaining.map((r) => (
                <li key={r.dimension} data-testid="remaining-negative">
                  {t(`dimensions.${r.dimension}`)}:{" "}
                  {r.entries.map((e) => `${e.name}${e.forWhom ? ` (${t("forWhomShort", { who: e.forWhom })})` : ""}`).join("; ")}
                </li>
              ))}
            </ul>
          </>
        )}
        {summary.dimensions.some((d) => d.mitigations.length > 0) && (
          <>
            <p>{t("summaryMitigations")}</p>
            <ul>
              {summary.dimensions.flatMap((d) =>
                d.mitigations.map((m) => (
                  <li key={m.id} data-testid="summary-mitigation">
                    {t(`dimensions.${d.dimension}`)} — {t(`mitigationKinds.${m.kind}`)}: {m.text}
                  </li>
                )),
              )}
            </ul>
          </>
        )}
      </section>

      {summary.dimensions.map((dimension) => (
        <section key={dimension.dimension} aria-labelledby={`dimension-${dimension.dimension}`} data-testid="impact-dimension">
          <h3 id={`dimension-${dimension.dimension}`}>
            {t(`dimensions.${dimension.dimension}`)} {dimension.disagreement && <span className="badge">{t("disagreement")}</span>}
          </h3>
          <p className="hint">{t(`dimensionHints.${dimension.dimension}`)}</p>
          {dimension.sexWorkerNegative && (
            <p className="alert alert-error" data-testid="sex-worker-negative">
              <strong>
                {t("sexWorkerNegative", {
                  parties: dimension.negative
                    .filter((e) => e.sexWorkerParty)
                    .map((e) => e.name)
                    .join(", "),
                })}
              </strong>
            </p>
          )}
          {dimension.entries.length === 0 ? (
            <p className="hint">{t("noAssessments")}</p>
          ) : (
            <table className="grid grid-fixed">
              <caption className="visually-hidden">{t("dimensionTable", { dimension: t(`dimensions.${dimension.dimension}`) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("party")}</th>
                  <th scope="col">{t("effect")}</th>
                  <th scope="col">{t("forWhom")}</th>
                  <th scope="col">{t("reasoning")}</th>
                </tr>
              </thead>
              <tbody>
                {dimension.entries.map((e) => (
                  <tr key={e.partyId} data-testid="impact-entry">
                    <th scope="row">{e.name}</th>
                    <td>{t(`effects.${e.effect}`)}</td>
                    <td>{e.forWhom}</td>
                    <td>
                      {e.reasoning}
                      {e.factIds.length > 0 && (
                        <>
                          {" "}
                          <span className="hint">
                            {t("evidence")}:{" "}
                            {e.factIds.map((id, i) => (
                              <span key={id}>
                                {i > 0 && ", "}
                                <a href={`/tables/${tableId}/facts/${id}`}>{factCode.get(id) ?? id.slice(0, 8)}</a>
                              </span>
                            ))}
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {dimension.mitigations.length > 0 && (
            <ul>
              {dimension.mitigations.map((m) => (
                <li key={m.id}>
                  {t(`mitigationKinds.${m.kind}`)}: {m.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      {page.answerAs && (
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t("answerHeading", { party: page.answerAs.party })}</h3>
          <p className="hint">{t("answerLead", { party: page.answerAs.party })}</p>
          <ActionForm action={respondToCheckAction} submitLabel={t("saveAssessment")} savedMessage={t("assessmentSaved")}>
            {hidden}
            {IMPACT_DIMENSIONS.map((dimension) => {
              // A party revising its answer starts from what it said last.
              const before = mine && !mine.declined ? mine.assessments.find((a) => a.dimension === dimension) : undefined;
              return (
                <fieldset key={dimension} className="field" data-testid={`assess-${dimension}`}>
                  <legend>{t(`dimensions.${dimension}`)}</legend>
                  <p className="hint">{t(`dimensionHints.${dimension}`)}</p>
                  <div className="row" role="radiogroup" aria-label={t("effectOf", { dimension: t(`dimensions.${dimension}`) })}>
                    {IMPACT_EFFECTS.map((effect) => (
                      <label key={effect}>
                        <input type="radio" name={`${dimension}.effect`} value={effect} defaultChecked={before?.effect === effect} />{" "}
                        {t(`effects.${effect}`)}
                      </label>
                    ))}
                  </div>
                  <div className="field">
                    <label htmlFor={`${dimension}-for-whom`}>{t("forWhom")}</label>
                    <input
                      id={`${dimension}-for-whom`}
                      name={`${dimension}.forWhom`}
                      maxLength={300}
                      placeholder={t("forWhomPlaceholder")}
                      defaultValue={before?.forWhom}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${dimension}-reasoning`}>{t("reasoning")}</label>
                    <textarea
                      id={`${dimension}-reasoning`}
                      name={`${dimension}.reasoning`}
                      rows={2}
                      maxLength={4000}
                      defaultValue={before?.reasoning}
                    />
                  </div>
                  {page.facts.length > 0 && (
                    <div className="field">
                      <label htmlFor={`${dimension}-facts`}>{t("evidenceFacts")}</label>
                      <select
                        id={`${dimension}-facts`}
                        name={`${dimension}.factIds`}
                        multiple
                        size={3}
                        defaultValue={before?.factIds ?? []}
                      >
                        {page.facts.map((f) => (
                          <option key={f.id} value={f.id}>
                            {f.code} — {f.title}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                </fieldset>
              );
            })}
            <fieldset className="field">
              <legend>{t("declineHeading")}</legend>
              <p className="hint">{t("declineHint")}</p>
              <label>
                <input type="checkbox" name="declined" /> {t("declineLabel", { party: page.answerAs.party })}
              </label>
              <div className="field">
                <label htmlFor="decline-reason">{t("declineReason")}</label>
                <textarea id="decline-reason" name="declineReason" rows={2} maxLength={2000} />
              </div>
            </fieldset>
          </ActionForm>
        </div>
      )}

      {page.may.mitigate && (
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t("mitigationHeading")}</h3>
          <p className="hint">{t("mitigationLead")}</p>
          <ActionForm action={recordMitigationAction} submitLabel={t("recordMitigation")} savedMessage={t("mitigationRecorded")}>
            {hidden}
            <input type="hidden" name="checkId" value={check.id} />
            <div className="field">
              <label htmlFor="mitigation-dimension">{t("mitigationDimension")}</label>
              <select id="mitigation-dimension" name="dimension" defaultValue={summary.remaining[0]?.dimension ?? "safety"}>
                {IMPACT_DIMENSIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`dimensions.${d}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="mitigation-kind">{t("mitigationKind")}</label>
              <select id="mitigation-kind" name="kind">
                {MITIGATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`mitigationKinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="mitigation-text">{t("mitigationText")}</label>
              <textarea id="mitigation-text" name="text" rows={2} maxLength={2000} />
            </div>
          </ActionForm>
          {check.mitigations.filter((m) => !m.removedAt).length > 0 && (
            <ul className="plain-list">
              {check.mitigations
                .filter((m) => !m.removedAt)
                .map((m) => (
                  <li key={m.id}>
                    <span>
                      {t(`dimensions.${m.dimension}`)} — {m.text}
                    </span>
                    <ActionForm action={removeMitigationAction} submitLabel={t("removeMitigation")} secondary>
                      {hidden}
                      <input type="hidden" name="mitigationId" value={m.id} />
                    </ActionForm>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
      {check.history.length > 0 && (
        <details>
          <summary>{t("responseHistory")}</summary>
          <ul>
            {check.history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at, locale)}: {h.party} — {h.declined ? t("responseStatus.declined") : t("responseStatus.answered")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
