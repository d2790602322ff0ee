import { describe, expect, it } from "vitest";
import type { Role } from "../tables/model.ts";
import { COMPENSATION_ACTIONS, canCompensate, ENTRY_ACTIONS, type EntryAction, entryVerdict, maySeePartyTotals } from "./policy.ts";
import { ENTRY_STATUSES, type EntryStatus } from "./state.ts";

const ROLES: Role[] = ["facilitator", "chair", "secretary", "delegate", "observer", "treasurer"];

// Role × action: "y" allowed, "." refused. Columns in the order of COMPENSATION_ACTIONS.
const MATRIX: Record<Role, string> = {
  //           own budget entries policy propose settle vault funder payout
  facilitator: "y y . y y . . y .",
  chair: "y . . . . . . . .",
  secretary: "y . . . . . . . .",
  delegate: "y . . . . . . . .",
  observer: ". . . . . . . . .",
  treasurer: "y y y y y y y y y",
};

describe("compensation policy: role × action", () => {
  for (const role of ROLES) {
    const row = MATRIX[role].split(" ");
    COMPENSATION_ACTIONS.forEach((action, i) => {
      it(`${role} ${row[i] === "y" ? "may" : "may not"} ${action}`, () => {
        expect(canCompensate({ role }, action)).toBe(row[i] === "y");
      });
    });
  }

  it("shows per-party totals to members only when the policy says so, and never to observers", () => {
    expect(maySeePartyTotals({ role: "delegate" }, { showPartyTotals: false })).toBe(false);
    expect(maySeePartyTotals({ role: "delegate" }, { showPartyTotals: true })).toBe(true);
    expect(maySeePartyTotals({ role: "delegate" }, null)).toBe(false);
    expect(maySeePartyTotals({ role: "observer" }, { showPartyTotals: true })).toBe(false);
    expect(maySeePartyTotals({ role: "facilitator" }, { showPartyTotals: false })).toBe(true);
    expect(maySeePartyTotals({ role: "chair" }, { showPartyTotals: false })).toBe(false);
  });
});

// Action × status for the entry's own member (a delegate) and for the treasurer on someone else's
// entry: "y" allowed; otherwise the refusal's first letter: F forbidden, T wrong status.
const OWNER: Record<EntryAction, string> = {
  //       proposed confirmed disputed approved paid
  confirm: "y T y T T",
  adjust: "y y y T T",
  dispute: "y y T T T",
  approve: "F F F F F",
  pay: "F F F F F",
  reverse: "F F F F F",
};
const TREASURER: Record<EntryAction, string> = {
  confirm: "F F F F F",
  adjust: "F F F F F",
  dispute: "F F F F F",
  approve: "T y T T T",
  pay: "T T T y T",
  reverse: "T y T y y",
};

const code = (verdict: string) => (verdict === "ok" ? "y" : verdict === "FORBIDDEN" ? "F" : "T");
const entry = (status: EntryStatus, membershipId = "owner") => ({ membershipId, status, isReversal: false, reversed: false });

describe("compensation policy: who acts on which entry", () => {
  for (const action of ENTRY_ACTIONS) {
    it(`${action}: the entry's own member`, () => {
      const got = ENTRY_STATUSES.map((s) => code(entryVerdict({ id: "owner", role: "delegate" }, action, entry(s)))).join(" ");
      expect(got).toBe(OWNER[action]);
    });
    it(`${action}: the treasurer on another member's entry`, () => {
      const got = ENTRY_STATUSES.map((s) => code(entryVerdict({ id: "sanne", role: "treasurer" }, action, entry(s)))).join(" ");
      expect(got).toBe(TREASURER[action]);
    });
  }

  it("lets no one act on another participant's entry, whatever their role", () => {
    for (const role of ROLES)
      for (const action of ["confirm", "adjust", "dispute"] as const)
        expect(entryVerdict({ id: "other", role }, action, entry("proposed"))).toBe("FORBIDDEN");
  });

  it("refuses the treasurer their own claim", () => {
    for (const action of ["approve", "pay", "reverse"] as const)
      expect(entryVerdict({ id: "sanne", role: "treasurer" }, action, entry("confirmed", "sanne"))).toBe("COMPENSATION_OWN_CLAIM");
    expect(entryVerdict({ id: "sanne", role: "treasurer" }, "confirm", entry("proposed", "sanne"))).toBe("ok");
  });

  it("reverses an entry once, and never a reversal", () => {
    const treasurer = { id: "sanne", role: "treasurer" as const };
    expect(entryVerdict(treasurer, "reverse", { ...entry("paid"), reversed: true })).toBe("COMPENSATION_ALREADY_REVERSED");
    expect(entryVerdict(treasurer, "reverse", { ...entry("approved"), isReversal: true })).toBe("COMPENSATION_ALREADY_REVERSED");
    expect(entryVerdict({ id: "owner", role: "delegate" }, "adjust", { ...entry("approved"), isReversal: true })).toBe(
      "COMPENSATION_TRANSITION_INVALID",
    );
  });
});
