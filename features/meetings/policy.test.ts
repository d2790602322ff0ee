import { describe, expect, it } from "vitest";
import { ROLES } from "../tables/model.ts";
import { TABLE_STATUSES } from "../tables/policy.ts";
import {
  actionStatusProblem,
  canMeet,
  decisionStanding,
  endSessionRefusal,
  lowerHandRefusal,
  type MandateOnRecord,
  MEETING_ACTIONS,
  mandateInForce,
  mayReadAddress,
  meetingChangeable,
  minutesStage,
  openSessionRefusal,
  pollOpen,
  raiseHandRefusal,
  slotProblem,
} from "./policy.ts";

const Y = true;
const N = false;
//                    view schedule poll.answer reply agenda.edit agenda.propose
//                    console.run console.speak check.answer minutes.write minutes.freeze actions.add actions.status
const OPEN: Record<string, boolean[]> = {
  facilitator: [Y, Y, Y, Y, Y, Y, N, N, N, Y, Y, Y, N],
  chair: [Y, Y, Y, Y, Y, Y, Y, N, N, Y, Y, Y, Y],
  secretary: [Y, N, Y, Y, Y, Y, Y, N, N, Y, Y, Y, Y],
  delegate: [Y, N, Y, Y, N, Y, N, Y, Y, N, N, N, Y],
  observer: [Y, N, Y, Y, N, N, N, N, N, N, N, N, N],
  treasurer: [Y, N, Y, Y, N, N, N, N, N, N, N, N, N],
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

const T0 = new Date("2026-12-02T18:00:00Z");
const session = (over: Partial<{ openedAt: Date | null; endedAt: Date | null; cancelledAt: Date | null; openCheck: boolean }>) => ({
  openedAt: null,
  endedAt: null,
  cancelledAt: null,
  openCheck: false,
  ...over,
});

describe("meetings: the live session", () => {
  it("opens once, and ends only while running and with no open consensus check", () => {
    const cases = {
      scheduled: session({}),
      running: session({ openedAt: T0 }),
      runningWithCheck: session({ openedAt: T0, openCheck: true }),
      ended: session({ openedAt: T0, endedAt: T0 }),
      cancelled: session({ cancelledAt: T0 }),
    };
    expect(Object.fromEntries(Object.entries(cases).map(([name, s]) => [name, [openSessionRefusal(s), endSessionRefusal(s)]]))).toEqual({
      scheduled: [null, "MEETING_NOT_RUNNING"],
      running: ["MEETING_ALREADY_OPEN", null],
      runningWithCheck: ["MEETING_ALREADY_OPEN", "MEETING_CHECK_OPEN"],
      ended: ["MEETING_ENDED", "MEETING_NOT_RUNNING"],
      cancelled: ["MEETING_CANCELLED", "MEETING_NOT_RUNNING"],
    });
  });

  it("lets a member lower only their own waiting hand, and the chair or secretary anyone's", () => {
    const waiting = { membershipId: "m-own", startedAt: null, endedAt: null, withdrawnAt: null };
    const turns = { own: waiting, other: { ...waiting, membershipId: "m-other" }, started: { ...waiting, startedAt: T0 } };
    const matrix = Object.fromEntries(
      ["chair", "secretary", "delegate", "observer"].map((role) => [
        role,
        Object.values(turns).map((turn) => lowerHandRefusal({ id: "m-own", role: role as never }, turn)),
      ]),
    );
    expect(matrix).toEqual({
      chair: [null, null, "TURN_NOT_WAITING"],
      secretary: [null, null, "TURN_NOT_WAITING"],
      delegate: [null, "FORBIDDEN", "TURN_NOT_WAITING"],
      observer: [null, "FORBIDDEN", "TURN_NOT_WAITING"],
    });
  });

  it("keeps one hand up per member: a new one once the last was lowered or the turn ended", () => {
    const turn = { membershipId: "m", startedAt: null, endedAt: null, withdrawnAt: null };
    expect(
      [[], [turn], [{ ...turn, withdrawnAt: T0 }], [{ ...turn, startedAt: T0 }], [{ ...turn, startedAt: T0, endedAt: T0 }]].map(
        raiseHandRefusal,
      ),
    ).toEqual([null, "HAND_ALREADY_RAISED", null, "HAND_ALREADY_RAISED", null]);
  });
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const mandate = (over: Partial<MandateOnRecord>): MandateOnRecord => ({
  id: "v1",
  version: 1,
  decisionDate: day("2026-06-01"),
  termStart: day("2026-06-01"),
  termEnd: day("2027-06-01"),
  domains: [
    { domain: "public_order", decisionPower: "co_decision" },
    { domain: "zoning_permits", decisionPower: "binding_recommendation" },
    { domain: "labour_income", decisionPower: "delegated_decision" },
    { domain: "care", decisionPower: "advisory" },
  ],
  ...over,
});

describe("meetings: a decision against the mandate in force on the meeting date", () => {
  it("is within scope where the table shares the decision, advisory only elsewhere", () => {
    const versions = [mandate({})];
    const on = new Date("2026-12-02T19:00:00Z");
    const domains = ["public_order", "zoning_permits", "labour_income", "care", "health"] as const;
    expect(Object.fromEntries(domains.map((d) => [d, decisionStanding(versions, d, on)]))).toEqual({
      public_order: { scope: "within_scope", decisionPower: "co_decision", mandateVersionId: "v1" },
      zoning_permits: { scope: "within_scope", decisionPower: "binding_recommendation", mandateVersionId: "v1" },
      labour_income: { scope: "within_scope", decisionPower: "delegated_decision", mandateVersionId: "v1" },
      care: { scope: "advisory_only", reason: "advisory_power", mandateVersionId: "v1" },
      health: { scope: "advisory_only", reason: "domain_not_covered", mandateVersionId: "v1" },
    });
  });

  it("is advisory only without a mandate in force: none yet, not yet started, or lapsed", () => {
    const noMandate = { scope: "advisory_only", reason: "no_mandate", mandateVersionId: null };
    expect(decisionStanding([], "public_order", T0)).toEqual(noMandate);
    expect(decisionStanding([mandate({ decisionDate: day("2027-01-10"), termStart: day("2027-01-10") })], "public_order", T0)).toEqual(
      noMandate,
    );
    expect(decisionStanding([mandate({ termEnd: day("2026-12-01") })], "public_order", T0)).toEqual(noMandate);
  });

  it("reads the version decided by the meeting date, not a later amendment", () => {
    const amended = mandate({
      id: "v2",
      version: 2,
      decisionDate: day("2026-12-20"),
      domains: [{ domain: "care", decisionPower: "co_decision" }],
    });
    const versions = [mandate({}), amended];
    expect(mandateInForce(versions, T0)?.id).toBe("v1");
    expect(mandateInForce(versions, new Date("2026-12-21T19:00:00Z"))?.id).toBe("v2");
    expect(decisionStanding(versions, "care", T0)).toMatchObject({ scope: "advisory_only", reason: "advisory_power" });
    expect(decisionStanding(versions, "care", new Date("2026-12-21T19:00:00Z"))).toMatchObject({
      scope: "within_scope",
      decisionPower: "co_decision",
    });
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
