import { describe, expect, it } from "vitest";
import { TABLE_STATUSES, type TableState } from "../tables/policy.ts";
import type { DocRef } from "./names.ts";
import { parseDocName } from "./names.ts";
import { type DocActor, docAccessFor } from "./policy.ts";

const TABLE = "11111111-1111-4111-8111-111111111111";
const OWN = "22222222-2222-4222-8222-222222222222";
const OTHER = "33333333-3333-4333-8333-333333333333";

const ACTORS: Record<string, DocActor> = {
  facilitator: { kind: "member", role: "facilitator", partyId: null },
  chair: { kind: "member", role: "chair", partyId: null },
  secretary: { kind: "member", role: "secretary", partyId: null },
  "delegate of the party": { kind: "member", role: "delegate", partyId: OWN },
  "delegate of another party": { kind: "member", role: "delegate", partyId: OTHER },
  "observer for the party": { kind: "member", role: "observer", partyId: OWN },
  treasurer: { kind: "member", role: "treasurer", partyId: null },
  "non-member": { kind: "non-member" },
  "signed-out": { kind: "signed-out" },
};

const DOCS: Record<string, DocRef> = {
  notes: { kind: "notes", tableId: TABLE },
  problem: { kind: "problem", tableId: TABLE },
  perspective: { kind: "perspective", tableId: TABLE, partyId: OWN },
};

// On an open table: w = write, r = read, - = none.      notes problem perspective (of OWN)
const OPEN: Record<string, string> = {
  facilitator: /*                 */ "w w r",
  chair: /*                       */ "w w r",
  secretary: /*                   */ "w w r",
  "delegate of the party": /*     */ "w w w",
  "delegate of another party": /* */ "w w r",
  "observer for the party": /*    */ "r r r",
  treasurer: /*                   */ "w r r",
  "non-member": /*                */ "- - -",
  "signed-out": /*                */ "- - -",
};
const ACCESS = { w: "write", r: "read", "-": "none" } as const;

describe("live document access", () => {
  for (const status of TABLE_STATUSES) {
    const table: TableState = { status, publicSummary: true };
    for (const [who, row] of Object.entries(OPEN)) {
      const cells = row.split(" ") as (keyof typeof ACCESS)[];
      Object.entries(DOCS).forEach(([kind, ref], index) => {
        const open = ACCESS[cells[index] as keyof typeof ACCESS];
        // A closed table is read-only for everyone.
        const expected = status === "closed" && open === "write" ? "read" : open;
        it(`${who}: ${expected} on ${kind} when ${status}`, () => {
          expect(docAccessFor(ACTORS[who] as DocActor, ref, table)).toBe(expected);
        });
      });
    }
  }

  it("gives nobody a perspective of a party that is not at the table", () => {
    const ref = DOCS.perspective as DocRef;
    for (const actor of Object.values(ACTORS)) {
      expect(docAccessFor(actor, ref, { status: "active", publicSummary: false }, { partyAtTable: false })).toBe("none");
    }
  });

  it("reads document names, with the table in every one", () => {
    expect(parseDocName(`problem:${TABLE}`)).toEqual({ kind: "problem", tableId: TABLE });
    expect(parseDocName(`perspective:${TABLE}:${OWN}`)).toEqual({ kind: "perspective", tableId: TABLE, partyId: OWN });
    expect(parseDocName(`perspective:${TABLE}`)).toBeNull();
    expect(parseDocName(`problem:${TABLE}:${OWN}`)).toBeNull();
    expect(parseDocName(`minutes:${TABLE}`)).toBeNull();
    expect(parseDocName(`minutes:${TABLE}:${OWN}`)).toEqual({ kind: "minutes", tableId: TABLE, meetingId: OWN });
  });
});

describe("minutes access", () => {
  const ref: DocRef = { kind: "minutes", tableId: TABLE, meetingId: OWN };
  // While drafting: the process roles write, everyone else at the table reads.
  const DRAFTING: Record<string, string> = {
    facilitator: "write",
    chair: "write",
    secretary: "write",
    "delegate of the party": "read",
    "delegate of another party": "read",
    "observer for the party": "read",
    treasurer: "read",
    "non-member": "none",
    "signed-out": "none",
  };
  for (const status of TABLE_STATUSES) {
    const table: TableState = { status, publicSummary: true };
    for (const [who, drafting] of Object.entries(DRAFTING)) {
      const member = drafting !== "none";
      it(`${who} on a table that is ${status}`, () => {
        const actor = ACTORS[who] as DocActor;
        // A closed table is read-only; approved minutes are read-only for everyone.
        expect(docAccessFor(actor, ref, table, { minutes: "drafting" })).toBe(
          status === "closed" && drafting === "write" ? "read" : drafting,
        );
        expect(docAccessFor(actor, ref, table, { minutes: "approved" })).toBe(member ? "read" : "none");
        // Before the meeting is over, for a cancelled or unknown meeting, nobody opens the document.
        expect(docAccessFor(actor, ref, table, { minutes: "before" })).toBe("none");
        expect(docAccessFor(actor, ref, table, { minutes: "none" })).toBe("none");
        expect(docAccessFor(actor, ref, table)).toBe("none");
      });
    }
  }
});
