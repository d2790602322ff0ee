// How a fact's figure reads: numbers in the reader's locale, a range as "low–high", a share with
// "%", the qualifier first ("about 6,250"), and the base it was taken over. Shared by the pages,
// the CSV and the fact sheet so a figure never reads differently in one of them.
import type { FactQualifier } from "../../generated/prisma/enums.ts";
import { NUMBER_LOCALES, toLocale } from "../../i18n/locales.ts";

type Figure = {
  valuePoint: number | null;
  valueLow: number | null;
  valueHigh: number | null;
  qualifier: FactQualifier | null;
  percentage: boolean;
};

type Base = {
  percentage: boolean;
  numeratorDescription: string;
  numeratorCount: number | null;
  denominatorDescription: string;
  denominatorCount: number | null;
  denominatorUnknown: boolean;
  sampleSize: number | null;
  unknownShare: number | null;
  unknownShareDescription: string;
};

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[toLocale(locale)], { maximumFractionDigits: 2 }).format(value);
}

/** The figure itself, e.g. "about 6,250", "80–90%", "at most 4,000,000"; empty for qualitative records. */
export function formatFigure(fact: Figure, locale: string, qualifierLabel: (qualifier: FactQualifier) => string): string {
  const number = (value: number) => `${formatNumber(value, locale)}${fact.percentage ? "%" : ""}`;
  let figure = "";
  if (fact.valueLow !== null && fact.valueHigh !== null) figure = `${formatNumber(fact.valueLow, locale)}–${number(fact.valueHigh)}`;
  else if (fact.valuePoint !== null) figure = number(fact.valuePoint);
  else if (fact.valueLow !== null) figure = `≥ ${number(fact.valueLow)}`;
  else if (fact.valueHigh !== null) figure = `≤ ${number(fact.valueHigh)}`;
  if (figure && fact.valuePoint !== null && fact.valueLow !== null && fact.valueHigh !== null) {
    figure = `${number(fact.valuePoint)} (${figure})`;
  }
  if (!figure) return "";
  return fact.qualifier && fact.qualifier !== "in_words" ? `${qualifierLabel(fact.qualifier)} ${figure}` : figure;
}

export type BaseLabels = {
  denominator: string;
  denominatorUnknown: string;
  denominatorMissing: string;
  numerator: string;
  sampleSize: string;
  unknownShare: string;
};

/** The base of the figure as lines: numerator, denominator (or that it is unknown), N, unknown share. */
export function formatBase(fact: Base, locale: string, labels: BaseLabels): string[] {
  const lines: string[] = [];
  const withCount = (description: string, count: number | null) =>
    [description, count !== null ? formatNumber(count, locale) : ""].filter(Boolean).join(": ");
  if (fact.numeratorDescription || fact.numeratorCount !== null) {
    lines.push(`${labels.numerator}: ${withCount(fact.numeratorDescription, fact.numeratorCount)}`);
  }
  if (fact.denominatorDescription || fact.denominatorCount !== null) {
    lines.push(`${labels.denominator}: ${withCount(fact.denominatorDescription, fact.denominatorCount)}`);
  } else if (fact.denominatorUnknown) {
    lines.push(labels.denominatorUnknown);
  } else if (fact.percentage) {
    lines.push(labels.denominatorMissing);
  }
  if (fact.sampleSize !== null) lines.push(`${labels.sampleSize} = ${formatNumber(fact.sampleSize, locale)}`);
  if (fact.unknownShare !== null || fact.unknownShareDescription) {
    const share = fact.unknownShare !== null ? `${formatNumber(fact.unknownShare, locale)}%` : "";
    lines.push(`${labels.unknownShare}: ${[share, fact.unknownShareDescription].filter(Boolean).join(" — ")}`);
  }
  return lines;
}
