import { describe, expect, it } from "vitest";
import { blockingFindings, findingsOf, unreachable } from "./dependency-audit.ts";

const report = {
  vulnerabilities: {
    "some-parser": {
      severity: "high",
      via: [{ source: 1101, url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc", title: "Prototype pollution", severity: "high" }],
    },
    "uses-parser": { severity: "high", via: ["some-parser"] },
    "minor-lib": {
      severity: "moderate",
      via: [{ source: 1102, url: "https://github.com/advisories/GHSA-dddd", title: "ReDoS", severity: "moderate" }],
    },
  },
};

describe("the dependency audit", () => {
  it("counts high and critical advisories once each, not moderate ones or the packages that merely depend on them", () => {
    expect(findingsOf(report)).toEqual([
      {
        package: "some-parser",
        severity: "high",
        advisory: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
        title: "Prototype pollution",
      },
    ]);
  });

  it("lets a reviewed advisory pass until its expiry date, and blocks it after", () => {
    const allowed = [
      {
        advisory: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
        package: "some-parser",
        reason: "Only parses our own files.",
        expires: "2027-01-31",
      },
    ];
    expect(blockingFindings(findingsOf(report), allowed, "2027-01-31")).toEqual([]);
    expect(blockingFindings(findingsOf(report), allowed, "2027-02-01")).toHaveLength(1);
    // An entry for another package does not cover it.
    expect(blockingFindings(findingsOf(report), [{ ...allowed[0], package: "other" } as never], "2026-12-03")).toHaveLength(1);
  });

  it("says when it could not check instead of passing silently", () => {
    expect(unreachable({ statusCode: 405, message: "405 Method Not Allowed" })).toBe("405 Method Not Allowed");
    expect(unreachable(report)).toBeNull();
  });
});
