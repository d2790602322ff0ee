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

/**
 * The instant of a wall-clock time in Amsterdam, as typed in a datetime-local input
 * ("2026-06-01T17:00"), or null when it is not one.
 */
export function amsterdamInstant(local: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset at the guessed instant, then once more at the corrected one (around a DST change).
  let instant = wall - offsetAt(new Date(wall));
  instant = wall - offsetAt(new Date(instant));
  return new Date(instant);
}

/** Milliseconds Amsterdam is ahead of UTC at an instant. */
function offsetAt(at: Date): number {
  const parts = formatter("en-GB", "offset-parts", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The datetime-local value of an instant in Amsterdam, for prefilling such an input. */
export function amsterdamLocal(at: Date): string {
  const offset = offsetAt(at);
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000 + offset).toISOString().slice(0, 16);
}
