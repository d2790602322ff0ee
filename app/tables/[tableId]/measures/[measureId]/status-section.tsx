// Where the measure stands and the step the viewer may take next: opening the impact check,
// proposing (or the chair's override, with its reason, which stays visible), the responsible
// body's adoption, in force, back to drafting, withdrawing. Each control is offered only when the
// policy allows it; the command checks again.
import { getLocale, getTranslations } from "next-intl/server";
import { MEASURE_STATUSES } from "../../../../../features/measures/model.ts";
import type { MeasurePage } from "../../../../../features/measures/queries.ts";
import { amsterdamInputValue, formatDateTime, formatDay } from "../../../../../features/shared/dates.ts";
import { ISSUING_BODIES } from "../../../../../features/tables/mandates.ts";
import { changeStatusAction, openCheckAction, recordAdoptionAction } from "../../../../_actions/measures.ts";
import { ActionForm } from "../../../../_components/action-form.tsx";

export async function StatusSection({ tableId, page }: { tableId: string; page: MeasurePage }) {
  const t = await getTranslations("measures");
  const tm = await getTranslations("mandate");
  const locale = await getLocale();
  const { measure, may } = page;
  const hidden = (
    <>
      <input type="hidden" name="tableId" value={tableId} />
      <input type="hidden" name="measureId" value={measure.id} />
    </>
  );
  const reasonField = (idSuffix: string, label: string) => (
    <div className="field">
      <label htmlFor={`reason-${idSuffix}`}>{label}</label>
      <textarea id={`reason-${idSuffix}`} name="reason" rows={2} maxLength={4000} />
    </div>
  );
  const overrides = page.statusChanges.filter((c) => c.override);
  const today = amsterdamInputValue(new Date()).slice(0, 10);
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t("statusHeading")}</h2>
      <ol className="steps" aria-label={t("stepsLabel")} data-testid="measure-steps">
        {MEASURE_STATUSES.filter((s) => s !== "withdrawn" || measure.status === "withdrawn").map((status) => (
          <li key={status} aria-current={status === measure.status ? "step" : undefined}>
            {status === measure.status ? <strong>{t(`statuses.${status}`)}</strong> : t(`statuses.${status}`)}
          </li>
        ))}
      </ol>
      {overrides.map((o) => (
        <p key={o.at.toISOString()} className="alert alert-error" data-testid="measure-override">
          <strong>{t("overrideShown", { at: formatDateTime(o.at, locale) })}</strong> {o.reason}
        </p>
      ))}
      {page.adoption && (
        <p data-testid="measure-adoption">
          {t("adoptionShown", {
            body: tm(`bodies.${page.adoption.body}`),
            reference: page.adoption.reference,
            date: formatDay(page.adoption.decidedOn, locale),
            version: page.adoption.version,
          })}
          {page.adoption.effectiveOn && ` ${t("effectiveShown", { date: formatDay(page.adoption.effectiveOn, locale) })}`}
        </p>
      )}

      {may.openCheck && (
        <ActionForm action={openCheckAction} submitLabel={t("openCheck")} savedMessage={t("checkOpened")}>
          <p className="hint">
            {page.versions.length === 0 ? t("openCheckNeedsVersion") : t("openCheckLead", { number: page.versions[0]?.number ?? 0 })}
          </p>
          {hidden}
        </ActionForm>
      )}
      {may.propose && (
        <ActionForm action={changeStatusAction} submitLabel={t("propose")} savedMessage={t("statusChanged")}>
          <p className="hint">{t("proposeLead")}</p>
          {hidden}
          <input type="hidden" name="to" value="proposed" />
        </ActionForm>
      )}
      {may.override && (
        <details>
          <summary>{t("overrideHeading")}</summary>
          <ActionForm action={changeStatusAction} submitLabel={t("overrideSubmit")} savedMessage={t("statusChanged")} secondary>
            <p className="hint">{t("overrideLead")}</p>
            {hidden}
            <input type="hidden" name="to" value="proposed" />
            <input type="hidden" name="override" value="on" />
            {reasonField("override", t("overrideReason"))}
          </ActionForm>
        </details>
      )}
      {may.adopt && (
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t("adoptHeading")}</h3>
          <p className="hint">{t("adoptLead", { number: page.versions[0]?.number ?? 0 })}</p>
          <ActionForm action={recordAdoptionAction} submitLabel={t("adopt")} savedMessage={t("adopted")}>
            {hidden}
            <div className="field">
              <label htmlFor="adopt-body">{t("fields.responsibleBody")}</label>
              <select id="adopt-body" name="body" defaultValue={measure.responsibleBody}>
                {ISSUING_BODIES.map((body) => (
                  <option key={body} value={body}>
                    {tm(`bodies.${body}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="adopt-reference">{t("fields.reference")}</label>
              <input id="adopt-reference" name="reference" maxLength={200} required />
            </div>
            <div className="field">
              <label htmlFor="adopt-decided">{t("fields.decidedOn")}</label>
              <input id="adopt-decided" name="decidedOn" type="date" max={today} required />
            </div>
            <div className="field">
              <label htmlFor="adopt-effective">{t("fields.effectiveOn")}</label>
              <input id="adopt-effective" name="effectiveOn" type="date" />
            </div>
          </ActionForm>
        </div>
      )}
      {may.inForce && (
        <ActionForm action={changeStatusAction} submitLabel={t("markInForce")} savedMessage={t("statusChanged")}>
          {hidden}
          <input type="hidden" name="to" value="in_force" />
        </ActionForm>
      )}
      {(may.backToDraft || may.withdraw) && (
        <details>
          <summary>{t("otherSteps")}</summary>
          {may.backToDraft && (
            <ActionForm action={changeStatusAction} submitLabel={t("backToDraft")} savedMessage={t("statusChanged")} secondary>
              {hidden}
              <input type="hidden" name="to" value="draft" />
              {reasonField("draft", t("backToDraftReason"))}
            </ActionForm>
          )}
          {may.withdraw && (
            <ActionForm action={changeStatusAction} submitLabel={t("withdraw")} savedMessage={t("statusChanged")} secondary>
              {hidden}
              <input type="hidden" name="to" value="withdrawn" />
              {reasonField("withdraw", t("withdrawReason"))}
            </ActionForm>
          )}
        </details>
      )}
    </section>
  );
}
