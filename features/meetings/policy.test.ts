import { describe, expect, it } from "vitest";
import { ROLES } from "../tables/model.ts";
import { TABLE_STATUSES } from "../tables/policy.ts";
import { canMeet, MEETING_ACTIONS, mayReadAddress, meetingChangeable, pollOpen, slotProblem } from "./policy.ts";

const Y = true;
const N = false;
//                    view schedule poll.answer reply agenda.edit agenda.propose
const OPEN: Record<string, boolean[]> = {
  facilitator: [Y, Y, Y, Y, Y, Y],
  chair: [Y, Y, Y, Y, Y, Y],
  secretary: [Y, N, Y, Y, Y, Y],
  delegate: [Y, N, Y, Y, N, Y],
  observer: [Y, N, Y, Y, N, N],
  treasurer: [Y, N, Y, Y, N, N],
};

describe("meetings: role × action × table status", () => {
  it("has a row for every role", () => {
    expect(Object.keys(OPEN).sort()).toEqual([...ROLES].sort());
  });
  for (const status of TABLE_STATUSES) {
    for (const [role, row] of Object.entries(OPEN)) {
      it(`${role} on a table that is ${status}`, () => {
        const expected = MEETING_ACTIONS.map((action, i) => (status === "closed" ? action === "meetings.view" : row[i]));
        expect(MEETING_ACTIONS.map((action) => canMeet({ role: role as never }, action, { status }))).toEqual(expected);
      });
    }
  }
});

describe("meetings: record-level rules", () => {
  it("shows the address to those who confirmed, and to the organisers", () => {
    const matrix = ROLES.map((role) => [
      role,
      [null, { attending: false }, { attending: true }].map((reply) => mayReadAddress({ role }, reply)),
    ]);
    expect(Object.fromEntries(matrix)).toEqual({
      facilitator: [Y, Y, Y],
      chair: [Y, Y, Y],
      secretary: [N, N, Y],
      delegate: [N, N, Y],
      observer: [N, N, Y],
      treasurer: [N, N, Y],
    });
  });

  it("refuses slots in the past or that end before they start", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const at = (iso: string) => new Date(iso);
    expect(slotProblem({ startsAt: at("2026-12-02T11:59:00Z"), endsAt: at("2026-12-02T14:00:00Z") }, now)).toBe("MEETING_SLOT_PAST");
    expect(slotProblem({ startsAt: now, endsAt: at("2026-12-02T14:00:00Z") }, now)).toBe("MEETING_SLOT_PAST");
    expect(slotProblem({ startsAt: at("2026-12-03T19:00:00Z"), endsAt: at("2026-12-03T19:00:00Z") }, now)).toBe("MEETING_SLOT_ORDER");
    expect(slotProblem({ startsAt: at("2026-12-03T19:00:00Z"), endsAt: at("2026-12-03T21:00:00Z") }, now)).toBeNull();
  });

  it("closes polls once decided and meetings once ended or cancelled", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(pollOpen({ closedAt: null })).toBe(true);
    expect(pollOpen({ closedAt: now })).toBe(false);
    expect(meetingChangeable({ cancelledAt: null, endsAt: new Date("2026-12-02T13:00:00Z") }, now)).toBe(true);
    expect(meetingChangeable({ cancelledAt: null, endsAt: new Date("2026-12-02T12:00:00Z") }, now)).toBe(false);
    expect(meetingChangeable({ cancelledAt: now, endsAt: new Date("2026-12-09T12:00:00Z") }, now)).toBe(false);
  });
});
