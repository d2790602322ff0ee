import { getTranslations } from "next-intl/server";
import { MEASURE_KINDS } from "../../../../features/measures/model.ts";
import { ISSUING_BODIES, POLICY_DOMAINS } from "../../../../features/tables/mandates.ts";
import { createMeasureAction, editMeasureAction } from "../../../_actions/measures.ts";
import { ActionForm } from "../../../_components/action-form.tsx";

type Values = {
  id: string;
  title: string;
  kind: string;
  purpose: string;
  responsibleBody: string;
  domain: string;
  problemVersionId: string | null;
  factIds: string[];
};

/** A new measure, or the details of one being drafted: what it is, what it rests on, who decides on it. */
export async function MeasureForm({
  tableId,
  problemVersions,
  facts,
  measure,
}: {
  tableId: string;
  problemVersions: { id: string; number: number }[];
  facts: { id: string; code: string; title: string }[];
  measure?: Values;
}) {
  const t = await getTranslations("measures");
  const tm = await getTranslations("mandate");
  const id = (name: string) => `measure-${measure ? "edit" : "new"}-${name}`;
  return (
    <ActionForm
      action={measure ? editMeasureAction : createMeasureAction}
      submitLabel={measure ? t("saveDetails") : t("create")}
      savedMessage={measure ? t("detailsSaved") : undefined}
    >
      <input type="hidden" name="tableId" value={tableId} />
      {measure && <input type="hidden" name="measureId" value={measure.id} />}
      <div className="field">
        <label htmlFor={id("title")}>{t("fields.title")}</label>
        <input id={id("title")} name="title" required minLength={3} maxLength={200} defaultValue={measure?.title} />
      </div>
      <div className="field">
        <label htmlFor={id("kind")}>{t("fields.kind")}</label>
        <select id={id("kind")} name="kind" defaultValue={measure?.kind ?? "bylaw_article"}>
          {MEASURE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("purpose")}>{t("fields.purpose")}</label>
        <textarea id={id("purpose")} name="purpose" rows={3} maxLength={4000} defaultValue={measure?.purpose} />
      </div>
      <div className="field">
        <label htmlFor={id("body")}>{t("fields.responsibleBody")}</label>
        <p className="hint" id={id("body-hint")}>
          {t("fields.responsibleBodyHint")}
        </p>
        <select
          id={id("body")}
          name="responsibleBody"
          defaultValue={measure?.responsibleBody ?? "council"}
          aria-describedby={id("body-hint")}
        >
          {ISSUING_BODIES.map((body) => (
            <option key={body} value={body}>
              {tm(`bodies.${body}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("domain")}>{t("fields.domain")}</label>
        <select id={id("domain")} name="domain" defaultValue={measure?.domain ?? ""}>
          <option value="">{t("fields.domainNone")}</option>
          {POLICY_DOMAINS.map((domain) => (
            <option key={domain} value={domain}>
              {tm(`domainNames.${domain}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("problem")}>{t("fields.problemVersion")}</label>
        <select id={id("problem")} name="problemVersionId" defaultValue={measure?.problemVersionId ?? ""}>
          <option value="">{t("fields.problemVersionNone")}</option>
          {problemVersions.map((v) => (
            <option key={v.id} value={v.id}>
              {t("problemVersion", { number: v.number })}
            </option>
          ))}
        </select>
      </div>
      {facts.length > 0 && (
        <fieldset className="field">
          <legend>{t("fields.facts")}</legend>
          {facts.map((fact) => (
            <label key={fact.id} style={{ display: "block" }}>
              <input type="checkbox" name="factIds" value={fact.id} defaultChecked={measure?.factIds.includes(fact.id)} /> {fact.code} —{" "}
              {fact.title}
            </label>
          ))}
        </fieldset>
      )}
    </ActionForm>
  );
}
