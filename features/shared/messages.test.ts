import { describe, expect, it } from "vitest";
import en from "../../messages/en.json" with { type: "json" };
import nl from "../../messages/nl.json" with { type: "json" };
import { ACTIVITY_ACTIONS, activityMessageKey } from "../tables/activity.ts";
import { ERROR_CODES } from "./app-error.ts";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  it("have a Dutch and an English message for every error code", () => {
    for (const code of ERROR_CODES) {
      expect(nl.errors[code], `nl errors.${code}`).toBeTruthy();
      expect(en.errors[code], `en errors.${code}`).toBeTruthy();
    }
  });

  it("name every action of the activity log", () => {
    for (const action of ACTIVITY_ACTIONS) {
      const key = activityMessageKey(action) as keyof typeof nl.activity.actions;
      expect(nl.activity.actions[key], `nl ${action}`).toBeTruthy();
      expect(en.activity.actions[key], `en ${action}`).toBeTruthy();
    }
  });

  it("offer the same texts in Dutch and English", () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });
});
