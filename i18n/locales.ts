// The languages Tafel speaks. Each has a message file, messages/<locale>.json, with the same keys
// as messages/en.json; adding a language is that file plus a line here.
export const LOCALES = ["nl", "en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language's own name for itself, as the language switch offers it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  nl: "Nederlands",
  en: "English",
  es: "Español",
};

/** The regional locale numbers are written in: "62.500,5" in Dutch and Spanish, "62,500.5" in English. */
export const NUMBER_LOCALES: Record<Locale, string> = {
  nl: "nl-NL",
  en: "en-GB",
  es: "es-ES",
};

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export function toLocale(value: string | undefined | null): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
