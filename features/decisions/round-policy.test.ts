import { describe, expect, it } from "vitest";
import type { Role } from "../tables/model.ts";
import { answerRefusal, closeRefusal, isRoundOver, type OpenContext, openRefusal, reasonRequired } from "./round-policy.ts";

const now = new Date("2026-06-01T10:00:00Z");
const future = new Date("2026-06-08T15:00:00Z");
const past = new Date("2026-05-31T10:00:00Z");
const COUNTED = "party-counted";

const ACTORS: Record<string, { role: Role; partyId: string | null }> = {
  facilitator: { role: "facilitator", partyId: null },
  chair: { role: "chair", partyId: null },
  secretary: { role: "secretary", partyId: null },
  "delegate of a counted party": { role: "delegate", partyId: COUNTED },
  "delegate of a party not counted": { role: "delegate", partyId: "party-late" },
  "delegate without a party": { role: "delegate", partyId: null },
  observer: { role: "observer", partyId: COUNTED },
  treasurer: { role: "treasurer", partyId: null },
};

//                                         open round  closed round  past deadline
const ANSWER: Record<string, (string | null)[]> = {
  facilitator: /*                       */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  chair: /*                             */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  secretary: /*                         */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  "delegate of a counted party": /*     */ [null, "ROUND_CLOSED", "ROUND_CLOSED"],
  "delegate of a party not counted": /* */ ["ROUND_PARTY_NOT_COUNTED", "ROUND_CLOSED", "ROUND_CLOSED"],
  "delegate without a party": /*        */ ["NO_PARTY_TO_SPEAK_FOR", "NO_PARTY_TO_SPEAK_FOR", "NO_PARTY_TO_SPEAK_FOR"],
  observer: /*                          */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  treasurer: /*                         */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
};
const CLOSE: Record<string, (string | null)[]> = {
  facilitator: /*                       */ [null, "ROUND_CLOSED", "ROUND_CLOSED"],
  chair: /*                             */ [null, "ROUND_CLOSED", "ROUND_CLOSED"],
  secretary: /*                         */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  "delegate of a counted party": /*     */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  "delegate of a party not counted": /* */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  "delegate without a party": /*        */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  observer: /*                          */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  treasurer: /*                         */ ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
};
const STATES = [
  { name: "an open round", closedAt: null, deadline: future },
  { name: "a closed round", closedAt: past, deadline: future },
  { name: "a round past its deadline", closedAt: null, deadline: past },
];

describe("round policy", () => {
  for (const [who, actor] of Object.entries(ACTORS)) {
    STATES.forEach((state, index) => {
      const round = { ...state, countedPartyIds: [COUNTED] };
      it(`${who} answering ${state.name}: ${ANSWER[who]?.[index] ?? "allowed"}`, () => {
        expect(answerRefusal(actor, round, now)).toBe(ANSWER[who]?.[index]);
      });
      it(`${who} closing ${state.name}: ${CLOSE[who]?.[index] ?? "allowed"}`, () => {
        expect(closeRefusal(actor, round, now)).toBe(CLOSE[who]?.[index]);
      });
    });
  }

  const ok: OpenContext = { countedParties: 2, latestVersion: true, openRoundOnDoc: false, roundForVersion: false, deadline: future, now };
  it("opens a round for the chair and facilitator only", () => {
    for (const [who, actor] of Object.entries(ACTORS)) {
      expect(openRefusal(actor, ok), who).toBe(who === "chair" || who === "facilitator" ? null : "FORBIDDEN");
    }
  });
  it("refuses to open with fewer than two counted parties, on an old version, twice, or with a past deadline", () => {
    const chair = ACTORS.chair as { role: Role; partyId: null };
    expect(openRefusal(chair, { ...ok, countedParties: 1 })).toBe("ROUND_TOO_FEW_PARTIES");
    expect(openRefusal(chair, { ...ok, countedParties: 0 })).toBe("ROUND_TOO_FEW_PARTIES");
    expect(openRefusal(chair, { ...ok, latestVersion: false })).toBe("ROUND_VERSION_NOT_LATEST");
    expect(openRefusal(chair, { ...ok, roundForVersion: true })).toBe("ROUND_EXISTS_FOR_VERSION");
    expect(openRefusal(chair, { ...ok, openRoundOnDoc: true })).toBe("ROUND_ALREADY_OPEN");
    expect(openRefusal(chair, { ...ok, deadline: now })).toBe("ROUND_DEADLINE_INVALID");
  });
  it("is over at its deadline or when closed", () => {
    expect(isRoundOver({ closedAt: null, deadline: now }, now)).toBe(true);
    expect(isRoundOver({ closedAt: null, deadline: future }, now)).toBe(false);
  });
  it("asks a reason for every answer but plain support", () => {
    expect(["support", "support_with_reservations", "stand_aside", "cannot_support"].map((a) => reasonRequired(a as "support"))).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});
