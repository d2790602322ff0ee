import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  amsterdamInputValue,
  amsterdamTimeToInstant,
  formatDate,
  formatDateTime,
  formatDay,
  formatTime,
  isoDate,
  isoDay,
  withFormattedTimes,
} from "./dates.ts";

// 00:43 in Amsterdam on 11 May: the small hours, where a 12-hour clock says "12:43 AM".
const lateNight = new Date("2026-05-10T22:43:00Z");

describe("dates and times", () => {
  it("read in the page's language on a 24-hour clock, in Amsterdam time", () => {
    expect(formatDateTime(lateNight, "nl")).toBe("11 mei 2026, 00:43");
    expect(formatDateTime(lateNight, "en")).toBe("May 11, 2026, 00:43");
    expect(formatTime(lateNight, "nl")).toBe("00:43");
    expect(formatTime(lateNight, "en")).toBe("00:43");
    expect(formatTime(new Date("2026-05-10T12:05:00Z"), "en")).toBe("14:05");
    expect(formatDate(lateNight, "nl", "long")).toBe("11 mei 2026");
    expect(formatDateTime(lateNight, "es")).toBe("11 may 2026, 0:43");
    expect(formatTime(lateNight, "es")).toBe("00:43");
    expect(isoDate(lateNight)).toBe("2026-05-11");
  });

  it("show a calendar day as the day that was stored", () => {
    const day = new Date("2026-03-03T00:00:00Z");
    expect(formatDay(day, "nl", "long")).toBe("3 maart 2026");
    expect(formatDay(day, "en")).toBe("Mar 3, 2026");
    expect(formatDay(day, "es", "long")).toBe("3 de marzo de 2026");
    expect(isoDay(day)).toBe("2026-03-03");
  });

  it("put the sign-in throttle's time in the page's language, never as 12:43 AM", () => {
    const details = { retryAt: lateNight.toISOString() };
    expect(withFormattedTimes(details, "nl")).toEqual({ retryAt: "00:43" });
    expect(withFormattedTimes(details, "en")).toEqual({ retryAt: "00:43" });
    expect(withFormattedTimes(undefined, "nl")).toEqual({});
  });

  // One formatter for the whole app: a page that formats dates itself would drift from the others
  // (the browser's locale, a 12-hour clock, the server's time zone).
  it("are formatted only through this module, by every page and component", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
      );
    const direct = /\.dateTime\(|toLocale(Date|Time)?String\(|Intl\.DateTimeFormat|getFormatter\(|useFormatter\(/;
    const offenders = [...files("app"), ...files("features")]
      .filter((file) => !file.endsWith(path.join("shared", "dates.ts")))
      .filter((file) => direct.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("Amsterdam wall-clock times from a form", () => {
  it("are read in Amsterdam time, winter and summer", () => {
    expect(amsterdamTimeToInstant("2026-12-10T19:30")?.toISOString()).toBe("2026-12-10T18:30:00.000Z");
    expect(amsterdamTimeToInstant("2026-07-10T19:30")?.toISOString()).toBe("2026-07-10T17:30:00.000Z");
    expect(amsterdamTimeToInstant("2026-10-25T12:00")?.toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });

  it("round-trip into the form's value", () => {
    for (const local of ["2026-12-10T19:30", "2026-07-10T08:05", "2027-03-28T04:00"]) {
      const at = amsterdamTimeToInstant(local);
      expect(at && amsterdamInputValue(at)).toBe(local);
    }
  });

  it("refuse what is not a time", () => {
    for (const bad of ["", "tomorrow", "2026-02-30T10:00", "2026-12-10T25:00", "2026-12-10 19:30"]) {
      expect(amsterdamTimeToInstant(bad)).toBeNull();
    }
  });
});
