import { describe, expect, it } from "vitest";
import { Role } from "../../generated/prisma/enums.ts";
import { roleNeedsSecondFactor, secondFactorRemovalRefusal, secondFactorRequirement } from "./policy.ts";

const NOW = new Date("2026-12-03T12:00:00Z");
const BEFORE = new Date(NOW.getTime() - 1);
const AFTER = new Date(NOW.getTime() + 86_400_000);

describe("which roles need a second factor", () => {
  const expected: Record<Role, boolean> = {
    facilitator: true,
    treasurer: true,
    chair: false,
    secretary: false,
    delegate: false,
    observer: false,
  };
  it.each(Object.values(Role))("%s", (role) => {
    expect(roleNeedsSecondFactor(role)).toBe(expected[role]);
  });
});

describe("the second factor's requirement, for every combination", () => {
  // enabled × holds such a role × due date (none, still ahead, passed) → requirement
  const cases: [boolean, boolean, Date | null, string][] = [
    [true, true, null, "enabled"],
    [true, true, AFTER, "enabled"],
    [true, true, BEFORE, "enabled"],
    [true, false, null, "enabled"],
    [true, false, BEFORE, "enabled"],
    [false, false, null, "optional"],
    [false, false, AFTER, "optional"],
    [false, false, BEFORE, "optional"],
    [false, true, null, "due"],
    [false, true, AFTER, "due"],
    [false, true, NOW, "required"],
    [false, true, BEFORE, "required"],
  ];
  it.each(cases)("enabled %s, holds a role %s, due %s → %s", (enabled, holdsSecondFactorRole, dueAt, expected) => {
    expect(secondFactorRequirement({ enabled, holdsSecondFactorRole, dueAt, now: NOW })).toBe(expected);
  });
});

describe("switching the second factor off", () => {
  const cases: [boolean, boolean, string | null][] = [
    [true, false, null],
    [true, true, "SECOND_FACTOR_REQUIRED_FOR_ROLE"],
    [false, false, "NOT_FOUND"],
    [false, true, "NOT_FOUND"],
  ];
  it.each(cases)("enabled %s, holds a role %s → %s", (enabled, holdsSecondFactorRole, expected) => {
    expect(secondFactorRemovalRefusal({ enabled, holdsSecondFactorRole })).toBe(expected);
  });
});
