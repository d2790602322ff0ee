import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages.ts";
import { ACTIVITY_MESSAGE_VALUES } from "../tables/activity.ts";
import { AUDIT_ACTIONS, auditMessageKey } from "./actions.ts";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// A sample for every value the activity page passes; a message asking for any other fails here.
const sample = Object.fromEntries(
  ACTIVITY_MESSAGE_VALUES.map((name) => [name, ["version", "position", "revision", "count", "links"].includes(name) ? 2 : "x"]),
);

describe("the activity log's messages", () => {
  for (const [locale, messages] of Object.entries(MESSAGES)) {
    it(`say in ${locale} what every audited action did, with only the values the log has`, () => {
      const t = createTranslator({
        locale,
        messages,
        namespace: "activity.actions",
        onError: (error) => {
          throw error;
        },
      });
      for (const action of AUDIT_ACTIONS) {
        const key = auditMessageKey(action) as keyof typeof messages.activity.actions;
        expect(messages.activity.actions[key], `${locale} activity.actions.${key} for ${action}`).toBeTruthy();
        const text = t(key, sample);
        expect(text, action).not.toBe(messages.activity.actions.other);
        expect(text, action).not.toMatch(/[{}]/);
      }
    });
  }

  it("are the same set in every language, with no message for an action nobody writes", () => {
    const written = new Set([...AUDIT_ACTIONS.map(auditMessageKey), "other"]);
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      expect(Object.keys(messages.activity.actions).sort(), locale).toEqual([...written].sort());
    }
  });

  it("cover every audit event the code writes: events go through the typed audit writer", () => {
    // recordAudit and auditEventData take only an AuditAction, so the type checker holds every
    // written action to the list above; a direct create would slip past it.
    const writer = path.join(root, "features/audit/record.ts");
    const offenders = ["features", "app", "realtime", "scripts", "prisma"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => file !== writer)
      .filter((file) => /auditEvent\.create(?!\(auditEventData\()/.test(readFileSync(file, "utf8").replace(/\s+/g, "")));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
