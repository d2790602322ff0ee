import { describe, expect, it } from "vitest";
import { ROLES } from "../tables/model.ts";
import { TABLE_STATUSES } from "../tables/policy.ts";
import {
  actionStatusProblem,
  canMeet,
  MEETING_ACTIONS,
  mayReadAddress,
  meetingChangeable,
  minutesStage,
  pollOpen,
  slotProblem,
} from "./policy.ts";

const Y = true;
const N = false;
//                    view schedule poll.answer reply agenda.edit agenda.propose
//                    minutes.write minutes.freeze actions.add actions.status
const OPEN: Record<string, boolean[]> = {
  facilitator: [Y, Y, Y, Y, Y, Y, Y, Y, Y, N],
  chair: [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  secretary: [Y, N, Y, Y, Y, Y, Y, Y, Y, Y],
  delegate: [Y, N, Y, Y, N, Y, N, N, N, Y],
  observer: [Y, N, Y, Y, N, N, N, N, N, N],
  treasurer: [Y, N, Y, Y, N, N, N, N, N, N],
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

describe("follow-up actions: who changes a status", () => {
  const OWNER = "owner-party";
  const OTHER = "other-party";
  const ACTORS = {
    facilitator: { role: "facilitator", partyId: null },
    chair: { role: "chair", partyId: null },
    secretary: { role: "secretary", partyId: null },
    "delegate of the owner": { role: "delegate", partyId: OWNER },
    "delegate of another party": { role: "delegate", partyId: OTHER },
    "delegate without a party": { role: "delegate", partyId: null },
    "observer of the owner": { role: "observer", partyId: OWNER },
    treasurer: { role: "treasurer", partyId: null },
  } as const;

  it("lets the owner party's delegates, the chair and the secretary move an action on", () => {
    const matrix = Object.fromEntries(
      Object.entries(ACTORS).map(([who, actor]) => [who, actionStatusProblem(actor, { ownerPartyId: OWNER, status: "open" }, "done")]),
    );
    expect(matrix).toEqual({
      facilitator: "FORBIDDEN",
      chair: null,
      secretary: null,
      "delegate of the owner": null,
      "delegate of another party": "FORBIDDEN",
      "delegate without a party": "FORBIDDEN",
      "observer of the owner": "FORBIDDEN",
      treasurer: "FORBIDDEN",
    });
  });

  it("refuses a status that is already the current one", () => {
    for (const status of ["open", "in_progress", "done", "dropped"]) {
      expect(actionStatusProblem(ACTORS.chair, { ownerPartyId: OWNER, status }, status)).toBe("ACTION_STATUS_UNCHANGED");
    }
    expect(actionStatusProblem(ACTORS["delegate of another party"], { ownerPartyId: OWNER, status: "done" }, "done")).toBe("FORBIDDEN");
  });
});

describe("minutes: where they stand", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const past = new Date("2026-12-01T21:30:00Z");
  const future = new Date("2026-12-02T21:30:00Z");
  it("opens them once the meeting is over (by its end time or ended from the console), never for a cancelled one", () => {
    expect(minutesStage({ cancelledAt: null, endsAt: future, endedAt: null }, false, now)).toBe("before");
    expect(minutesStage({ cancelledAt: null, endsAt: future, endedAt: now }, false, now)).toBe("drafting");
    expect(minutesStage({ cancelledAt: null, endsAt: past, endedAt: null }, false, now)).toBe("drafting");
    expect(minutesStage({ cancelledAt: null, endsAt: past, endedAt: null }, true, now)).toBe("approved");
    expect(minutesStage({ cancelledAt: now, endsAt: past, endedAt: null }, false, now)).toBe("none");
  });
});
