import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../tables/model.ts";
import { TABLE_STATUSES } from "../tables/policy.ts";
import {
  activityVoice,
  type CorrectionVerdict,
  canParticipate,
  conditionVoiceOf,
  contributionVoice,
  mayReadConfidential,
  PARTICIPATION_ACTIONS,
  type ParticipationAction,
  type ParticipationActor,
  partyVoiceOf,
  perceptionCorrection,
  visibleText,
} from "./policy.ts";

const Y = true;
const N = false;

describe("participation policy: role × action × table status", () => {
  const COLUMNS: ParticipationAction[] = [
    "participation.intended.set",
    "participation.perception.record",
    "participation.agenda.add",
    "participation.conditions.answer",
  ];
  //                          intended perceived agenda conditions
  const OPEN: Record<Role, boolean[]> = {
    facilitator: /**/ [Y, N, Y, Y],
    chair: /*      */ [Y, N, Y, Y],
    secretary: /*  */ [N, N, N, N],
    delegate: /*   */ [N, Y, N, Y],
    observer: /*   */ [N, N, N, N],
    treasurer: /*  */ [N, N, N, N],
  };

  it("covers every role and every action", () => {
    expect(Object.keys(OPEN).sort()).toEqual([...ROLES].sort());
    expect([...COLUMNS].sort()).toEqual([...PARTICIPATION_ACTIONS].sort());
  });

  for (const status of TABLE_STATUSES) {
    for (const role of ROLES) {
      COLUMNS.forEach((action, index) => {
        const expected = status !== "closed" && (OPEN[role][index] ?? false);
        it(`${role} ${expected ? "may" : "may not"} ${action} when ${status}`, () => {
          expect(canParticipate({ role }, action, { status })).toBe(expected);
        });
      });
    }
  }
});

// The people of one table, as record-level rules see them.
const RLL = "party-rll";
const GEMEENTE = "party-gemeente";
const actors: Record<string, ParticipationActor> = {
  facilitator: { id: "m-noor", role: "facilitator", partyId: null },
  chair: { id: "m-lotte", role: "chair", partyId: null },
  secretary: { id: "m-secretary", role: "secretary", partyId: null },
  "RLL delegate (author)": { id: "m-saffier", role: "delegate", partyId: RLL },
  "RLL delegate (colleague)": { id: "m-orhidee", role: "delegate", partyId: RLL },
  "municipality delegate": { id: "m-ilse", role: "delegate", partyId: GEMEENTE },
  "delegate without a party": { id: "m-new", role: "delegate", partyId: null },
  "observer linked to RLL": { id: "m-bram", role: "observer", partyId: RLL },
  treasurer: { id: "m-sanne", role: "treasurer", partyId: null },
};
const actor = (name: string): ParticipationActor => {
  const found = actors[name];
  if (!found) throw new Error(`no actor ${name}`);
  return found;
};

describe("participation policy: who speaks for which party", () => {
  // partyVoiceOf, and conditionVoiceOf for the whole table and for a phase.
  const MATRIX: Record<string, [party: string | null, wholeTable: string | null, phase: string | null]> = {
    facilitator: [null, "process:facilitator", null],
    chair: [null, "process:chair", null],
    secretary: [null, null, null],
    "RLL delegate (author)": [RLL, `party:${RLL}`, `party:${RLL}`],
    "RLL delegate (colleague)": [RLL, `party:${RLL}`, `party:${RLL}`],
    "municipality delegate": [GEMEENTE, `party:${GEMEENTE}`, `party:${GEMEENTE}`],
    "delegate without a party": [null, null, null],
    "observer linked to RLL": [null, null, null],
    treasurer: [null, null, null],
  };
  const label = (voice: ReturnType<typeof conditionVoiceOf>) =>
    voice === null ? null : voice.kind === "party" ? `party:${voice.partyId}` : `process:${voice.role}`;

  it("covers every actor", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(actors).sort());
  });
  for (const [name, [party, wholeTable, phase]] of Object.entries(MATRIX)) {
    it(`${name}: speaks for ${party ?? "no party"}, answers the whole table as ${wholeTable ?? "nobody"}, a phase as ${phase ?? "nobody"}`, () => {
      expect(partyVoiceOf(actor(name))).toBe(party);
      expect(label(conditionVoiceOf(actor(name), { phaseId: null }))).toBe(wholeTable);
      expect(label(conditionVoiceOf(actor(name), { phaseId: "phase-1" }))).toBe(phase);
    });
  }
});

describe("participation policy: confidential explanations", () => {
  // May read a confidential text of RLL / of the municipality.
  const MATRIX: Record<string, [rll: boolean, gemeente: boolean]> = {
    facilitator: [N, N],
    chair: [Y, Y],
    secretary: [N, N],
    "RLL delegate (author)": [Y, N],
    "RLL delegate (colleague)": [Y, N],
    "municipality delegate": [N, Y],
    "delegate without a party": [N, N],
    "observer linked to RLL": [N, N],
    treasurer: [N, N],
  };
  it("covers every actor", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(actors).sort());
  });
  for (const [name, [rll, gemeente]] of Object.entries(MATRIX)) {
    it(`${name} ${rll ? "reads" : "does not read"} RLL's and ${gemeente ? "reads" : "does not read"} the municipality's`, () => {
      expect(mayReadConfidential(actor(name), { partyId: RLL })).toBe(rll);
      expect(mayReadConfidential(actor(name), { partyId: GEMEENTE })).toBe(gemeente);
      expect(visibleText(actor(name), { partyId: RLL, confidential: true, text: "geheim" })).toBe(rll ? "geheim" : "");
      // Text that is not confidential is for every member.
      expect(visibleText(actor(name), { partyId: RLL, confidential: false, text: "open" })).toBe("open");
    });
  }
});

describe("participation policy: correcting an assessment", () => {
  const recorded = new Date("2026-05-10T10:00:00Z");
  const assessment = { recordedBy: "m-saffier", partyId: RLL, createdAt: recorded };
  const within = new Date(recorded.getTime() + 23 * 3_600_000);
  const after = new Date(recorded.getTime() + 25 * 3_600_000);
  const MATRIX: Record<string, [within: CorrectionVerdict, after: CorrectionVerdict]> = {
    facilitator: ["forbidden", "forbidden"],
    chair: ["forbidden", "forbidden"],
    secretary: ["forbidden", "forbidden"],
    "RLL delegate (author)": ["correct", "new_assessment"],
    "RLL delegate (colleague)": ["forbidden", "forbidden"],
    "municipality delegate": ["forbidden", "forbidden"],
    "delegate without a party": ["forbidden", "forbidden"],
    "observer linked to RLL": ["forbidden", "forbidden"],
    treasurer: ["forbidden", "forbidden"],
  };
  it("covers every actor", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(actors).sort());
  });
  for (const [name, [inWindow, later]] of Object.entries(MATRIX)) {
    it(`${name}: ${inWindow} within 24 hours, ${later} after`, () => {
      expect(perceptionCorrection(actor(name), assessment, within)).toBe(inWindow);
      expect(perceptionCorrection(actor(name), assessment, after)).toBe(later);
    });
  }
  it("refuses the author once they no longer speak for the party", () => {
    const moved = { id: "m-saffier", role: "delegate" as const, partyId: GEMEENTE };
    const nowObserver = { id: "m-saffier", role: "observer" as const, partyId: RLL };
    expect(perceptionCorrection(moved, assessment, within)).toBe("forbidden");
    expect(perceptionCorrection(nowObserver, assessment, within)).toBe("forbidden");
  });
});

describe("participation policy: how a contribution is attributed", () => {
  const saffier = { pseudonym: "Saffier" };
  // attribution on the record × author still a member / gone
  const MATRIX: [attribution: string | null | undefined, author: { pseudonym: string } | null, shown: string][] = [
    ["person", saffier, "person:Saffier"],
    ["person", null, "former"],
    ["organisation", saffier, `party:${RLL}`],
    ["organisation", null, `party:${RLL}`],
    [null, saffier, `party:${RLL}`],
    [undefined, saffier, `party:${RLL}`],
    ["Person", saffier, `party:${RLL}`],
    // Anonymous within the party: someone of the party, whether or not they are still a member.
    ["anonymous", saffier, `anonymous:${RLL}`],
    ["anonymous", null, `anonymous:${RLL}`],
  ];
  for (const [attribution, author, shown] of MATRIX) {
    it(`a record saying ${String(attribution)} with the author ${author ? "present" : "gone"} names ${shown}`, () => {
      const voice = contributionVoice({ attribution, partyId: RLL }, author);
      const label =
        voice.kind === "person"
          ? `person:${voice.pseudonym}`
          : voice.kind === "party" || voice.kind === "anonymous"
            ? `${voice.kind}:${voice.partyId}`
            : voice.kind;
      expect(label).toBe(shown);
    });
  }
});

describe("participation policy: whom the activity log names", () => {
  type Member = { role: Role; partyId: string | null; pseudonym: string };
  const saffier: Member = { role: "delegate", partyId: RLL, pseudonym: "Saffier" };
  const noor: Member = { role: "facilitator", partyId: null, pseudonym: "Noor" };
  const lotte: Member = { role: "chair", partyId: null, pseudonym: "Lotte" };
  const show = (voice: ReturnType<typeof activityVoice>) =>
    voice === null
      ? "system"
      : voice.kind === "person"
        ? `person:${voice.pseudonym}`
        : voice.kind === "party"
          ? `party:${voice.partyId}`
          : voice.kind === "process"
            ? `process:${voice.role}`
            : "former";
  const MATRIX: [what: string, action: string, data: Record<string, unknown>, who: Member | null, shown: string][] = [
    [
      "a perception as the organisation",
      "participation.perception_recorded",
      { by: "m", party: RLL, attribution: "organisation" },
      saffier,
      `party:${RLL}`,
    ],
    [
      "a perception as a person",
      "participation.perception_recorded",
      { by: "m", party: RLL, attribution: "person" },
      saffier,
      "person:Saffier",
    ],
    ["an older perception without attribution", "participation.perception_recorded", { by: "m", party: RLL }, saffier, `party:${RLL}`],
    ["an older correction naming no party", "participation.perception_corrected", { by: "m", perception: "p" }, saffier, `party:${RLL}`],
    ["an older correction by someone who left", "participation.perception_corrected", { by: "m", perception: "p" }, null, "party:null"],
    ["a condition answer as the organisation", "participation.condition_answered", { by: "m", party: RLL }, saffier, `party:${RLL}`],
    [
      "a person's answer by someone who left",
      "participation.condition_answered",
      { by: "m", party: RLL, attribution: "person" },
      null,
      "former",
    ],
    ["the chair's own condition answer", "participation.condition_answered", { by: "m", as: "chair" }, lotte, "process:chair"],
    ["a commitment a delegate recorded for their party", "commitment.recorded", { by: "m", party: RLL }, saffier, `party:${RLL}`],
    ["a commitment the facilitator recorded", "commitment.recorded", { by: "m", party: RLL }, noor, "person:Noor"],
    ["adding a party", "party.added", { by: "m", party: RLL }, noor, "person:Noor"],
    ["a delegate joining their party", "membership.joined", { membership: "m", party: RLL }, saffier, "person:Saffier"],
    ["a change by someone who left", "phase.changed", { by: "m" }, null, "former"],
    ["an event without an actor", "table.status_changed", {}, null, "system"],
  ];
  for (const [what, action, data, who, shown] of MATRIX) {
    it(`${what}: ${shown}`, () => {
      expect(show(activityVoice({ action, data }, who))).toBe(shown);
    });
  }
});
