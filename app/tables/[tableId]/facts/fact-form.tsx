"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useActionState } from "react";
import { ASSUMPTION_STATUSES, EVIDENCE_KINDS, QUALIFIERS, VALUE_KINDS } from "../../../../features/facts/model.ts";
import { FormError } from "../../../_components/form-error.tsx";
import { useFormSubmit } from "../../../_components/use-form-submit.ts";
import { useHydrated } from "../../../_components/use-hydrated.ts";
import type { ActionResult } from "../../../_server/action-result.ts";

export type FactFormValues = {
  code: string;
  title: string;
  statement: string;
  language: string;
  topic: string;
  valueKind: string;
  valuePoint: string;
  valueLow: string;
  valueHigh: string;
  qualifier: string;
  valueDisplay: string;
  unit: string;
  percentage: boolean;
  numeratorDescription: string;
  numeratorCount: string;
  denominatorDescription: string;
  denominatorCount: string;
  denominatorUnknown: boolean;
  sampleSize: string;
  unknownShare: string;
  unknownShareDescription: string;
  breakdown: string;
  countedObject: string;
  definitionUsed: string;
  referencePeriod: string;
  periodKind: string;
  publication: string;
  timeAmbiguity: string;
  geography: string;
  sectorScope: string;
  evidenceKind: string;
  methodDescription: string;
  assumptions: { text: string; status: string; assessedBy: string }[];
  weaknesses: string;
  sourceTitle: string;
  sourceLocator: string;
  originalSource: string;
  citationChain: string;
  caveats: string;
  frameNote: string;
};

type Props = {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  tableId: string;
  factId?: string;
  values: FactFormValues;
  languages: { code: string; name: string }[];
  submitLabel: string;
};

/**
 * The whole fact record in groups. After a refused save the form keeps what was typed and marks
 * the field the error names, so only that field needs correcting.
 */
export function FactForm({ action, tableId, factId, values, languages, submitLabel }: Props) {
  const t = useTranslations("facts");
  const te = useTranslations("errors");
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = useFormSubmit(dispatch);
  const hydrated = useHydrated();
  const invalid = state && !state.ok ? (state.field?.split(".")[0] ?? null) : null;

  const described = (name: string, hint?: string) => {
    const ids = [hint ? `fact-${name}-hint` : "", invalid === name ? `fact-${name}-error` : ""].filter(Boolean).join(" ");
    return { id: `fact-${name}`, name, "aria-invalid": invalid === name ? true : undefined, "aria-describedby": ids || undefined };
  };
  const wrap = (name: string, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`fact-${name}`}>{label}</label>
      {hint && (
        <p className="hint" id={`fact-${name}-hint`}>
          {hint}
        </p>
      )}
      {control}
      {invalid === name && state && !state.ok && (
        <p className="field-error" id={`fact-${name}-error`}>
          {te(state.code, state.details ?? {})}
        </p>
      )}
    </div>
  );
  const input = (name: keyof FactFormValues, options: { hint?: string; number?: boolean; required?: boolean } = {}) =>
    wrap(
      name,
      t(`fields.${name}` as "fields.title"),
      <input
        type="text"
        inputMode={options.number ? "decimal" : undefined}
        defaultValue={String(values[name] ?? "")}
        required={options.required}
        {...described(name, options.hint)}
      />,
      options.hint,
    );
  const area = (name: keyof FactFormValues, options: { hint?: string; rows?: number } = {}) =>
    wrap(
      name,
      t(`fields.${name}` as "fields.title"),
      <textarea rows={options.rows ?? 3} defaultValue={String(values[name] ?? "")} {...described(name, options.hint)} />,
      options.hint,
    );
  const check = (name: "percentage" | "denominatorUnknown") => (
    <div className="field">
      <label>
        <input type="checkbox" defaultChecked={values[name]} {...described(name)} /> {t(`fields.${name}`)}
      </label>
      {invalid === name && state && !state.ok && (
        <p className="field-error" id={`fact-${name}-error`}>
          {te(state.code, state.details ?? {})}
        </p>
      )}
    </div>
  );
  const numberHint = t("fields.numberHint");
  const assumptions = [
    ...values.assumptions,
    { text: "", status: "unknown", assessedBy: "" },
    { text: "", status: "unknown", assessedBy: "" },
  ];

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="stack">
      {state && !state.ok && <FormError error={state} />}
      <input type="hidden" name="tableId" value={tableId} />
      {factId && <input type="hidden" name="factId" value={factId} />}
      <div className="row">
        {input("code", { hint: t("fields.codeHint") })}
        {wrap(
          "language",
          t("fields.language"),
          <select defaultValue={values.language} {...described("language")}>
            {languages.map((language) => (
              <option key={language.code} value={language.code}>
                {language.name}
              </option>
            ))}
          </select>,
        )}
        {input("topic")}
      </div>
      {input("title", { required: true })}
      {area("statement", { hint: t("fields.statementHint") })}

      <fieldset className="field">
        <legend>{t("groups.figure")}</legend>
        <div className="row">
          {wrap(
            "valueKind",
            t("fields.valueKind"),
            <select defaultValue={values.valueKind} {...described("valueKind")}>
              {VALUE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`valueKinds.${kind}`)}
                </option>
              ))}
            </select>,
          )}
          {wrap(
            "qualifier",
            t("fields.qualifier"),
            <select defaultValue={values.qualifier} {...described("qualifier")}>
              <option value="">{t("fields.noQualifier")}</option>
              {QUALIFIERS.map((qualifier) => (
                <option key={qualifier} value={qualifier}>
                  {t(`qualifiers.${qualifier}`)}
                </option>
              ))}
            </select>,
          )}
        </div>
        <p className="hint" id="fact-number-hint">
          {numberHint}
        </p>
        <div className="row">
          {input("valuePoint", { number: true })}
          {input("valueLow", { number: true })}
          {input("valueHigh", { number: true })}
        </div>
        {check("percentage")}
        <div className="row">
          {input("unit")}
          {input("valueDisplay")}
        </div>
        {area("breakdown", { hint: t("fields.breakdownHint"), rows: 2 })}
      </fieldset>

      <fieldset className="field">
        <legend>{t("groups.base")}</legend>
        <div className="row">
          {input("numeratorDescription")}
          {input("numeratorCount", { number: true })}
        </div>
        <div className="row">
          {input("denominatorDescription")}
          {input("denominatorCount", { number: true })}
        </div>
        {check("denominatorUnknown")}
        <div className="row">
          {input("sampleSize", { number: true })}
          {input("unknownShare", { number: true })}
          {input("unknownShareDescription")}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t("groups.counted")}</legend>
        {area("countedObject", { hint: t("fields.countedObjectHint"), rows: 2 })}
        {area("definitionUsed", { rows: 2 })}
        <div className="row">
          {input("referencePeriod")}
          {input("periodKind")}
          {input("publication")}
        </div>
        {input("timeAmbiguity")}
        <div className="row">
          {input("geography")}
          {input("sectorScope")}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t("groups.method")}</legend>
        {wrap(
          "evidenceKind",
          t("fields.evidenceKind"),
          <select defaultValue={values.evidenceKind} {...described("evidenceKind")}>
            {EVIDENCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`evidenceKinds.${kind}`)}
              </option>
            ))}
          </select>,
        )}
        {area("methodDescription")}
        <fieldset className="field">
          <legend>{t("fields.assumptions")}</legend>
          {assumptions.map((assumption, index) => {
            const number = index + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional form fields
              <div className="row" key={index}>
                <div className="field">
                  <label htmlFor={`assumption-text-${number}`}>
                    {t("fields.assumptionText")} {number}
                  </label>
                  <input id={`assumption-text-${number}`} type="text" name="assumptionText" defaultValue={assumption.text} />
                </div>
                <div className="field">
                  <label htmlFor={`assumption-status-${number}`}>{t("fields.assumptionStatus")}</label>
                  <select id={`assumption-status-${number}`} name="assumptionStatus" defaultValue={assumption.status}>
                    {ASSUMPTION_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {t(`assumptionStatuses.${status}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`assumption-by-${number}`}>{t("fields.assumptionAssessedBy")}</label>
                  <input id={`assumption-by-${number}`} type="text" name="assumptionAssessedBy" defaultValue={assumption.assessedBy} />
                </div>
              </div>
            );
          })}
        </fieldset>
        {area("weaknesses", { hint: t("fields.linesHint") })}
      </fieldset>

      <fieldset className="field">
        <legend>{t("groups.source")}</legend>
        {input("sourceTitle")}
        <div className="row">
          {input("sourceLocator")}
          {input("originalSource")}
        </div>
        {area("citationChain", { hint: t("fields.linesHint") })}
      </fieldset>

      <fieldset className="field">
        <legend>{t("groups.context")}</legend>
        {area("caveats", { hint: t("fields.linesHint") })}
        {area("frameNote", { hint: t("fields.frameNoteHint"), rows: 2 })}
      </fieldset>

      {factId && (
        <div className="field">
          <label htmlFor="fact-editNote">{t("fields.editNote")}</label>
          <input id="fact-editNote" type="text" name="editNote" maxLength={500} />
        </div>
      )}
      <p>
        <button type="submit" disabled={!hydrated || pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}
