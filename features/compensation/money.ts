// Money is integer euro cents throughout; quantities are integer hundredths of their unit. The one
// rounding rule: a quantity times a rate is rounded to whole cents, halves away from zero
// ("commercial rounding"), so 0.005 euro becomes a cent and −0.005 euro minus a cent.
import { type Locale, NUMBER_LOCALES, toLocale } from "../../i18n/locales.ts";

/** Largest amount of one entry, in cents (one million euros): beyond it a typing error is likelier. */
export const MAX_CENTS = 100_000_000;
/** Largest quantity of one entry, in hundredths (ten thousand hours, km, ...). */
export const MAX_HUNDREDTHS = 1_000_000;

/** rateCents × quantityHundredths / 100, rounded half away from zero, in integers only. */
export function amountFor(quantityHundredths: number, rateCents: number): number {
  if (!Number.isSafeInteger(quantityHundredths) || !Number.isSafeInteger(rateCents)) throw new RangeError("integers only");
  const product = quantityHundredths * rateCents;
  if (!Number.isSafeInteger(product)) throw new RangeError("amount out of range");
  const sign = product < 0 ? -1 : 1;
  const magnitude = Math.abs(product);
  const whole = Math.floor(magnitude / 100);
  const rest = magnitude % 100;
  const rounded = rest >= 50 ? whole + 1 : whole;
  return rounded === 0 ? 0 : sign * rounded;
}

/** Minutes as hundredths of an hour, rounded half up: 150 minutes is 250 (2.5 hours). */
export function minutesToHundredthsOfHour(minutes: number): number {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError("whole minutes only");
  const whole = Math.floor((minutes * 100) / 60);
  return (minutes * 100) % 60 >= 30 ? whole + 1 : whole;
}

/**
 * A decimal written by a person ("6,40", "6.4", "12") as an integer of hundredths, without ever
 * passing through floating point. Null for anything else, more than two decimals included.
 */
export function parseHundredths(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  return whole * 100 + fraction;
}

/** Cents as a plain decimal for files: -640 is "-6.40". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, "0")}`;
}

/**
 * Cents as a euro amount in the page's language (from integers, so no float drift): "€ 1.234,56"
 * in Dutch, "€1,234.56" in English, "1234,56 €" in Spanish (the sign after the amount).
 */
export function formatEuros(cents: number, locale: string): string {
  const lang = toLocale(locale);
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  const whole = new Intl.NumberFormat(NUMBER_LOCALES[lang]).format(Math.floor(magnitude / 100));
  const amount = `${whole}${decimalSeparator(lang)}${String(magnitude % 100).padStart(2, "0")}`;
  if (lang === "es") return `${sign}${amount} €`;
  return `${sign}€${lang === "en" ? "" : " "}${amount}`;
}

/** Hundredths of a unit for display: 250 is "2.5" / "2,5". */
export function formatHundredths(hundredths: number, locale: string): string {
  const text = centsToDecimal(hundredths)
    .replace(/\.?0+$/, "")
    .replace(/\.$/, "");
  return text.replace(".", decimalSeparator(toLocale(locale)));
}

function decimalSeparator(locale: Locale): string {
  return locale === "en" ? "." : ",";
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
