import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "./model.ts";
import {
  archiveProblem,
  breachResponseProblem,
  can,
  canCreateTable,
  mayBePartyContact,
  membershipEndProblem,
  statusChangeProblem,
  TABLE_ACTIONS,
  TABLE_STATUSES,
  type TableAction,
  type TableActor,
  type TableState,
  unarchiveProblem,
  vouchProblem,
} from "./policy.ts";

// The whole matrix for an open table (in preparation or active), written out so a change to any
// cell is a visible change here. Closed tables are derived below: only reading and reopening.
const Y = true;
const N = false;
const COLUMNS: TableAction[] = [
  "table.view",
  "table.summary.view",
  "table.map.view",
  "table.members.view",
  "table.activity.view",
  "table.edit",
  "table.status.change",
  "table.invite",
  "table.roles.change",
  "parties.manage",
  "phases.manage",
  "mandate.record",
  "commitments.record",
  "commitments.breach",
  "chair.declare",
  "decisions.vote",
  "notes.read",
  "notes.write",
  "facts.view",
  "facts.propose",
  "facts.edit",
  "facts.wording.edit",
  "facts.status.change",
  "facts.position.record",
  "facts.link",
  "facts.import",
  "facts.questions.ask",
  "facts.questions.answer",
  "problem.read",
  "problem.write",
  "problem.freeze",
  "perspective.read",
  "perspective.write",
  "rounds.view",
  "rounds.open",
  "rounds.close",
  "rounds.answer",
];
//                                 view sum  map  mem  act  edit stat inv  role part phas mand comr comb decl vote nread nwrite
//                                 | facts: view propose edit wording status position link import ask answer
//                                 | problem: read write freeze | perspective: read write | rounds: view open close answer
const OPEN: Record<string, boolean[]> = {
  facilitator: /*             */ [
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    Y,
    Y,
    Y,
    N,
  ],
  chair: /*                   */ [
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    N,
    N,
    Y,
    N,
    N,
    Y,
    Y,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    Y,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    Y,
    Y,
    Y,
    N,
  ],
  secretary: /*               */ [
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    N,
    N,
    N,
    Y,
    N,
    N,
    N,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    Y,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    Y,
    N,
    N,
    N,
  ],
  delegate: /*                */ [
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    Y,
    N,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    Y,
    Y,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    Y,
  ],
  "delegate (municipality)": /**/ [
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    N,
    N,
    N,
    Y,
    Y,
    N,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    Y,
    Y,
    N,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    Y,
  ],
  observer: /*                */ [
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    Y,
    N,
    Y,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    Y,
    N,
    N,
    Y,
    N,
    Y,
    N,
    N,
    N,
  ],
  treasurer: /*               */ [
    Y,
    Y,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    Y,
    Y,
    Y,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    Y,
    N,
    N,
    Y,
    N,
    Y,
    N,
    N,
    N,
  ],
  "non-member": /*            */ [
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
  ],
  "signed-out": /*            */ [
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
    N,
  ],
};
const READ_WHEN_CLOSED = new Set<TableAction>([
  "table.view",
  "table.summary.view",
  "table.map.view",
  "table.members.view",
  "table.activity.view",
  "notes.read",
  "table.status.change",
  "facts.view",
  "problem.read",
  "perspective.read",
  "rounds.view",
]);

function actor(name: string): TableActor {
  if (name === "non-member") return { kind: "non-member" };
  if (name === "signed-out") return { kind: "signed-out" };
  if (name === "delegate (municipality)") return { kind: "member", role: "delegate", partyType: "municipality_department" };
  return { kind: "member", role: name as (typeof ROLES)[number], partyType: "sex_worker_organisation" };
}

describe("table policy", () => {
  it("covers every role plus non-members and signed-out people, and every action", () => {
    expect(
      Object.keys(OPEN)
        .filter((k) => !k.includes("("))
        .sort(),
    ).toEqual([...ROLES, "non-member", "signed-out"].sort());
    expect([...COLUMNS, ...MEMBERSHIP_COLUMNS, ...VOICE_COLUMNS].sort()).toEqual([...TABLE_ACTIONS].sort());
  });

  for (const status of ["in_preparation", "active", "paused", "closed"] as const) {
    const table: TableState = { status, publicSummary: false };
    for (const [who, cells] of Object.entries(OPEN)) {
      COLUMNS.forEach((action, index) => {
        const open = cells[index] ?? false;
        const expected = status === "closed" ? open && READ_WHEN_CLOSED.has(action) : open;
        it(`${who} ${expected ? "may" : "may not"} ${action} when ${status}`, () => {
          expect(can(actor(who), action, table)).toBe(expected);
        });
      });
    }
  }

  it("shows a public summary to anyone, signed in or not, only when the table made it public", () => {
    for (const who of ["non-member", "signed-out"]) {
      expect(can(actor(who), "table.summary.view", { status: "active", publicSummary: true })).toBe(true);
      expect(can(actor(who), "table.summary.view", { status: "closed", publicSummary: true })).toBe(true);
      expect(can(actor(who), "table.summary.view", { status: "active", publicSummary: false })).toBe(false);
    }
  });

  // A public table is on its municipality's governance map for everyone, in every status; every
  // other action stays exactly as for a private table, so publishing opens nothing else.
  for (const status of ["in_preparation", "active", "paused", "closed"] as const) {
    const table: TableState = { status, publicSummary: true };
    for (const [who, cells] of Object.entries(OPEN)) {
      it(`${who}, at a public ${status} table, sees its summary and map entry and nothing more`, () => {
        COLUMNS.forEach((action, index) => {
          const open = cells[index] ?? false;
          const expected =
            action === "table.summary.view" || action === "table.map.view"
              ? true
              : status === "closed"
                ? open && READ_WHEN_CLOSED.has(action)
                : open;
          expect(can(actor(who), action, table), action).toBe(expected);
        });
      });
    }
  }

  it("never gives the chair a vote, whatever the table's state", () => {
    for (const status of ["in_preparation", "active", "paused", "closed"] as const) {
      expect(can({ kind: "member", role: "chair" }, "decisions.vote", { status, publicSummary: true })).toBe(false);
    }
  });

  it("never lets the chair or the facilitator answer a round for a party", () => {
    for (const role of ["chair", "facilitator"] as const) {
      for (const status of ["in_preparation", "active", "paused", "closed"] as const) {
        expect(can({ kind: "member", role }, "rounds.answer", { status, publicSummary: true })).toBe(false);
      }
    }
  });

  it("lets any signed-in person convene a table, and nobody signed out", () => {
    expect(canCreateTable({ kind: "signed-in" })).toBe(true);
    expect(canCreateTable({ kind: "signed-out" })).toBe(false);
  });
});

// Leaving and removing, as their own matrix: [open, closed] per role.
const MEMBERSHIP_COLUMNS: TableAction[] = ["table.leave", "table.members.remove"];
//                                  leave(open, closed) remove(open, closed)
const MEMBERSHIP: Record<string, [boolean, boolean, boolean, boolean]> = {
  facilitator: /*   */ [Y, Y, Y, N],
  chair: /*         */ [Y, Y, N, N],
  secretary: /*     */ [Y, Y, N, N],
  delegate: /*      */ [Y, Y, N, N],
  observer: /*      */ [Y, Y, N, N],
  treasurer: /*     */ [Y, Y, N, N],
  "non-member": /*  */ [N, N, N, N],
  "signed-out": /*  */ [N, N, N, N],
};

describe("leaving and removing members", () => {
  for (const [who, [leaveOpen, leaveClosed, removeOpen, removeClosed]] of Object.entries(MEMBERSHIP)) {
    for (const status of TABLE_STATUSES) {
      const closed = status === "closed";
      const table: TableState = { status, publicSummary: true };
      it(`${who}: leave ${closed ? leaveClosed : leaveOpen}, remove ${closed ? removeClosed : removeOpen} when ${status}`, () => {
        expect(can(actor(who), "table.leave", table)).toBe(closed ? leaveClosed : leaveOpen);
        expect(can(actor(who), "table.members.remove", table)).toBe(closed ? removeClosed : removeOpen);
      });
    }
  }

  // kind, self, target role, current facilitators → problem
  const cases: ["leave" | "remove", boolean, Role, number, string | null][] = [
    ["leave", true, "delegate", 1, null],
    ["leave", true, "chair", 1, null],
    ["leave", true, "facilitator", 2, null],
    ["leave", true, "facilitator", 1, "LAST_FACILITATOR"],
    ["remove", false, "delegate", 1, null],
    ["remove", false, "observer", 1, null],
    ["remove", false, "facilitator", 2, null],
    ["remove", false, "facilitator", 1, "LAST_FACILITATOR"],
    ["remove", true, "facilitator", 3, "FORBIDDEN"],
  ];
  for (const [kind, self, targetRole, facilitators, expected] of cases) {
    it(`${kind} ${self ? "oneself" : "someone"} as ${targetRole} with ${facilitators} facilitator(s): ${expected ?? "allowed"}`, () => {
      expect(membershipEndProblem({ kind, self, targetRole, facilitators })).toBe(expected);
    });
  }
});

// A party's own word: answering a breach, naming the party's contact, vouching. [open, closed] per role.
const VOICE_COLUMNS: TableAction[] = ["commitments.respond", "party.contact.set", "members.vouch"];
//                                  respond(open, closed) contact(open, closed) vouch(open, closed)
const VOICE: Record<string, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  facilitator: /*   */ [N, N, Y, N, N, N],
  chair: /*         */ [N, N, N, N, N, N],
  secretary: /*     */ [N, N, N, N, N, N],
  delegate: /*      */ [Y, N, N, N, Y, N],
  observer: /*      */ [N, N, N, N, N, N],
  treasurer: /*     */ [N, N, N, N, N, N],
  "non-member": /*  */ [N, N, N, N, N, N],
  "signed-out": /*  */ [N, N, N, N, N, N],
};

describe("a party's own word: replies to breaches, contacts and vouches", () => {
  for (const [who, cells] of Object.entries(VOICE)) {
    for (const status of TABLE_STATUSES) {
      const closed = status === "closed";
      const table: TableState = { status, publicSummary: true };
      it(`${who} when ${status}`, () => {
        VOICE_COLUMNS.forEach((action, index) => {
          expect(can(actor(who), action, table), action).toBe(cells[index * 2 + (closed ? 1 : 0)]);
        });
      });
    }
  }

  // role, own party?, commitment status → problem
  const replies: [Role, boolean, "proposed" | "committed" | "breached" | "withdrawn", string | null][] = [
    ["delegate", true, "breached", null],
    ["delegate", false, "breached", "FORBIDDEN"],
    ["delegate", true, "committed", "COMMITMENT_NOT_BREACHED"],
    ["delegate", true, "withdrawn", "COMMITMENT_NOT_BREACHED"],
    ["chair", false, "breached", "FORBIDDEN"],
    ["facilitator", false, "breached", "FORBIDDEN"],
    // Someone whose membership names the party but who is not its delegate does not speak for it.
    ["observer", true, "breached", "FORBIDDEN"],
    ["secretary", true, "breached", "FORBIDDEN"],
  ];
  for (const [role, own, status, expected] of replies) {
    it(`a ${role} of ${own ? "the" : "another"} party replying to a ${status} commitment: ${expected ?? "allowed"}`, () => {
      const actorParty = own ? "party-a" : "party-b";
      expect(breachResponseProblem({ role, partyId: actorParty }, { partyId: "party-a", status })).toBe(expected);
    });
  }

  // role, is contact?, target: self / same party / other party / no party, already vouched → problem
  const vouches: [Role, boolean, "self" | "same" | "other" | "none", boolean, string | null][] = [
    ["delegate", true, "same", false, null],
    ["delegate", true, "same", true, "ALREADY_VOUCHED"],
    ["delegate", true, "self", false, "FORBIDDEN"],
    ["delegate", true, "other", false, "FORBIDDEN"],
    ["delegate", true, "none", false, "FORBIDDEN"],
    ["delegate", false, "same", false, "FORBIDDEN"],
    ["facilitator", false, "same", false, "FORBIDDEN"],
    ["facilitator", true, "same", false, "FORBIDDEN"],
    ["chair", false, "same", false, "FORBIDDEN"],
    ["observer", true, "same", false, "FORBIDDEN"],
  ];
  for (const [role, contact, target, vouched, expected] of vouches) {
    it(`a ${role}${contact ? " marked as contact" : ""} vouching for ${target} (${vouched ? "vouched" : "not vouched"}): ${expected ?? "allowed"}`, () => {
      const actorRecord = { membershipId: "m-1", role, partyId: "party-a", partyContact: contact };
      const targetRecord = {
        membershipId: target === "self" ? "m-1" : "m-2",
        partyId: target === "other" ? "party-b" : target === "none" ? null : "party-a",
        vouched,
      };
      expect(vouchProblem(actorRecord, targetRecord)).toBe(expected);
    });
  }

  it("lets only a delegate who takes part for a party be its contact", () => {
    expect(mayBePartyContact({ role: "delegate", partyId: "party-a" })).toBe(true);
    expect(mayBePartyContact({ role: "delegate", partyId: null })).toBe(false);
    for (const role of ["facilitator", "chair", "secretary", "observer", "treasurer"] as const) {
      expect(mayBePartyContact({ role, partyId: "party-a" })).toBe(false);
    }
  });
});

describe("archiving, for every status, archived or not, and with or without a direct payout open", () => {
  const ARCHIVED = new Date("2026-06-01T12:00:00Z");
  const expected = (status: string, archived: boolean, payoutOpen: boolean) => {
    if (archived) return "TABLE_ARCHIVED";
    if (status !== "closed") return "TABLE_NOT_CLOSED";
    return payoutOpen ? "ARCHIVE_PAYOUT_OPEN" : null;
  };
  const cases = TABLE_STATUSES.flatMap((status) =>
    [false, true].flatMap((archived) => [false, true].map((open) => [status, archived, open] as const)),
  );
  it.each(cases)("%s, archived %s, payout open %s", (status, archived, open) => {
    expect(archiveProblem({ status, archivedAt: archived ? ARCHIVED : null }, open)).toBe(expected(status, archived, open));
  });
  it("keeps an archived table's status until it is taken out of the archive, and only an archived one can be", () => {
    expect([statusChangeProblem({ archivedAt: ARCHIVED }), statusChangeProblem({ archivedAt: null })]).toEqual(["TABLE_ARCHIVED", null]);
    expect([unarchiveProblem({ archivedAt: ARCHIVED }), unarchiveProblem({ archivedAt: null })]).toEqual([null, "TABLE_NOT_ARCHIVED"]);
  });
});
