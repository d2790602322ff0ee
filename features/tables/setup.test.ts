import { describe, expect, it } from "vitest";
import { SETUP_STEPS, type SetupInput, setupProgress } from "./setup.ts";

const ready: SetupInput = {
  policyQuestion: "Hoe maken we werken veiliger?",
  partyCount: 3,
  hasMandate: true,
  chair: { declared: true },
  othersInvited: 4,
};

describe("the guided setup", () => {
  it("is complete for a table with a question, parties, a mandate, a declared chair and invitations", () => {
    expect(setupProgress(ready)).toEqual({ steps: SETUP_STEPS.map((step) => ({ step, done: true })), complete: true, next: null });
  });

  it.each([
    ["question", { policyQuestion: "   " }],
    ["parties", { partyCount: 1 }],
    ["mandate", { hasMandate: false }],
    ["chair", { chair: null }],
    ["chair", { chair: { declared: false } }],
    ["invitations", { othersInvited: 0 }],
  ] as const)("shows %s as missing when %o", (step, change) => {
    const progress = setupProgress({ ...ready, ...change });
    expect(progress.complete).toBe(false);
    expect(progress.next).toBe(step);
    expect(progress.steps.filter((s) => !s.done).map((s) => s.step)).toEqual([step]);
  });

  it("points a brand-new table at its first step and lists all five as missing", () => {
    const progress = setupProgress({ policyQuestion: "", partyCount: 0, hasMandate: false, chair: null, othersInvited: 0 });
    expect(progress.next).toBe("question");
    expect(progress.steps.every((s) => !s.done)).toBe(true);
  });
});
