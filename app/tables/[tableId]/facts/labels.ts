import "server-only";
import { getTranslations } from "next-intl/server";
import type { ExportLabels } from "../../../../features/facts/export.ts";
import type { FactRow } from "../../../../features/facts/records.ts";
import { formatDate } from "../../../../features/shared/dates.ts";
import type { DecisionRule } from "../../../../generated/prisma/enums.ts";
import { LOCALES, toLocale } from "../../../../i18n/locales.ts";
import type { FactFormValues } from "./fact-form.tsx";

/** Labels for the exports in the table's language (its first language, if Tafel speaks it). */
export async function exportLabels(tableLanguage: string, tableTitle: string, rule: DecisionRule, now: Date): Promise<ExportLabels> {
  const locale = toLocale(tableLanguage);
  const t = await getTranslations({ locale, namespace: "facts" });
  const tr = await getTranslations({ locale, namespace: "decisionRules" });
  const date = formatDate(now, locale, "long");
  return {
    locale,
    sheetTitle: t("sheet.title"),
    tableTitle,
    generatedOn: t("sheet.generatedOn", { date, rule: tr(rule) }),
    citeNote: t("sheet.citeNote"),
    status: (status) => t(`statuses.${status}`),
    stance: (stance) => t(`stances.${stance}`),
    evidence: (kind) => t(`evidenceKinds.${kind}`),
    qualifier: (qualifier) => t(`qualifiers.${qualifier}`),
    base: {
      denominator: t("denominator"),
      denominatorUnknown: t("denominatorUnknown"),
      denominatorMissing: t("denominatorMissing"),
      numerator: t("numerator"),
      sampleSize: t("sampleSize"),
      unknownShare: t("unknownShare"),
    },
    columns: {
      code: t("columns.code"),
      title: t("fields.title"),
      topic: t("fields.topic"),
      status: t("columns.status"),
      figure: t("figure"),
      low: t("fields.valueLow"),
      high: t("fields.valueHigh"),
      qualifier: t("fields.qualifier"),
      asInSource: t("fields.valueDisplay"),
      unit: t("fields.unit"),
      numerator: t("fields.numeratorDescription"),
      numeratorCount: t("fields.numeratorCount"),
      denominator: t("fields.denominatorDescription"),
      denominatorCount: t("fields.denominatorCount"),
      denominatorUnknown: t("denominatorUnknown"),
      sampleSize: t("fields.sampleSize"),
      unknownShare: t("fields.unknownShare"),
      countedObject: t("fields.countedObject"),
      period: t("fields.referencePeriod"),
      publication: t("fields.publication"),
      geography: t("fields.geography"),
      sector: t("fields.sectorScope"),
      evidence: t("fields.evidenceKind"),
      source: t("fields.sourceTitle"),
      originalSource: t("fields.originalSource"),
      citationChain: t("fields.citationChain"),
      caveats: t("fields.caveats"),
      wording: t("fields.citationWording"),
      decision: t("columns.decision"),
    },
    yes: t("sheet.yes"),
    decision: (supporting, counted, passed) => t("sheet.decision", { supporting, counted, passed: String(passed) }),
    sections: {
      agreed: t("sheet.agreed"),
      agreedToDisagree: t("sheet.agreedToDisagree"),
      underDiscussion: t("sheet.underDiscussion"),
      none: t("sheet.none"),
    },
    positions: t("sheet.positions"),
    noPosition: t("noAnswer"),
    staleNote: t("staleNote"),
  };
}

const numberText = (value: number | null) => (value === null ? "" : String(value));

export function emptyFormValues(language: string): FactFormValues {
  return {
    code: "",
    title: "",
    statement: "",
    language,
    topic: "",
    valueKind: "count",
    valuePoint: "",
    valueLow: "",
    valueHigh: "",
    qualifier: "",
    valueDisplay: "",
    unit: "",
    percentage: false,
    numeratorDescription: "",
    numeratorCount: "",
    denominatorDescription: "",
    denominatorCount: "",
    denominatorUnknown: false,
    sampleSize: "",
    unknownShare: "",
    unknownShareDescription: "",
    breakdown: "",
    countedObject: "",
    definitionUsed: "",
    referencePeriod: "",
    periodKind: "",
    publication: "",
    timeAmbiguity: "",
    geography: "",
    sectorScope: "",
    evidenceKind: "registration",
    methodDescription: "",
    assumptions: [],
    weaknesses: "",
    sourceTitle: "",
    sourceLocator: "",
    originalSource: "",
    citationChain: "",
    caveats: "",
    frameNote: "",
  };
}

export function formValuesOf(fact: FactRow): FactFormValues {
  const breakdown = (fact.breakdown as { label: string; value: number | null; unit: string }[]) ?? [];
  const assumptions = (fact.assumptions as { text: string; status: string; assessedBy: string }[]) ?? [];
  return {
    ...emptyFormValues(fact.language),
    code: fact.code,
    title: fact.title,
    statement: fact.statement,
    topic: fact.topic,
    valueKind: fact.valueKind,
    valuePoint: numberText(fact.valuePoint),
    valueLow: numberText(fact.valueLow),
    valueHigh: numberText(fact.valueHigh),
    qualifier: fact.qualifier ?? "",
    valueDisplay: fact.valueDisplay,
    unit: fact.unit,
    percentage: fact.percentage,
    numeratorDescription: fact.numeratorDescription,
    numeratorCount: numberText(fact.numeratorCount),
    denominatorDescription: fact.denominatorDescription,
    denominatorCount: numberText(fact.denominatorCount),
    denominatorUnknown: fact.denominatorUnknown,
    sampleSize: numberText(fact.sampleSize),
    unknownShare: numberText(fact.unknownShare),
    unknownShareDescription: fact.unknownShareDescription,
    breakdown: breakdown.map((item) => [`${item.label}:`, numberText(item.value), item.unit].filter(Boolean).join(" ")).join("\n"),
    countedObject: fact.countedObject,
    definitionUsed: fact.definitionUsed,
    referencePeriod: fact.referencePeriod,
    periodKind: fact.periodKind,
    publication: fact.publication,
    timeAmbiguity: fact.timeAmbiguity,
    geography: fact.geography,
    sectorScope: fact.sectorScope,
    evidenceKind: fact.evidenceKind,
    methodDescription: fact.methodDescription,
    assumptions,
    weaknesses: fact.weaknesses.join("\n"),
    sourceTitle: fact.sourceTitle,
    sourceLocator: fact.sourceLocator,
    originalSource: fact.originalSource,
    citationChain: fact.citationChain.join("\n"),
    caveats: fact.caveats.join("\n"),
    frameNote: fact.frameNote,
  };
}

/** The languages a record may be written in: the table's, plus every language Tafel speaks. */
export async function recordLanguages(tableLanguages: readonly string[]) {
  const t = await getTranslations("languageNames");
  const codes = [...new Set([...tableLanguages, ...LOCALES])];
  return codes.map((code) => ({ code, name: t.has(code as "nl") ? t(code as "nl") : code }));
}
