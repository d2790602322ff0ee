// Dates and times as people read them, the same on every page, report and message: in the page's
// language, on a 24-hour clock, in Amsterdam time. Instants (when something happened) are shown in
// Europe/Amsterdam; calendar days (stored as dates without a time) are shown as stored, in UTC, so
// they never move to the day before.
export const TIME_ZONE = "Europe/Amsterdam";

export type DayStyle = "medium" | "long";

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(id, format);
  }
  return format;
}

/** A calendar day: "10 mei 2026" / "May 10, 2026" (long), "10 mei 2026" / "May 10, 2026" (medium). */
export function formatDay(day: Date, locale: string, style: DayStyle = "medium"): string {
  return formatter(locale, `day-${style}`, { dateStyle: style, timeZone: "UTC" }).format(day);
}

/** The day of an instant, in Amsterdam. */
export function formatDate(at: Date, locale: string, style: DayStyle = "medium"): string {
  return formatter(locale, `date-${style}`, { dateStyle: style, timeZone: TIME_ZONE }).format(at);
}

/** An instant with its time: "11 mei 2026, 00:43" / "May 11, 2026, 00:43". */
export function formatDateTime(at: Date, locale: string): string {
  return formatter(locale, "datetime", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: TIME_ZONE }).format(at);
}

/** The time of an instant: "00:43" in every language. */
export function formatTime(at: Date, locale: string): string {
  return formatter(locale, "time", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }).format(at);
}

/** yyyy-mm-dd of a calendar day, for date inputs and machine-readable cells. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** yyyy-mm-dd of the Amsterdam day an instant falls on, for machine-readable cells. */
export function isoDate(at: Date): string {
  return formatter("en-CA", "iso-date", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TIME_ZONE }).format(at);
}

/**
 * An error's details with its instants (e.g. a sign-in throttle's `retryAt`) as times in the page's
 * language, never in the browser's own locale or on a 12-hour clock.
 */
export function withFormattedTimes(details: Record<string, string | number> | undefined, locale: string): Record<string, string | number> {
  if (!details) return {};
  const out: Record<string, string | number> = { ...details };
  if (typeof details.retryAt === "string") out.retryAt = formatTime(new Date(details.retryAt), locale);
  return out;
}
