import { describe, expect, it } from "vitest";
import { ROLES } from "./model.ts";
import { can, canCreateTable, TABLE_ACTIONS, type TableAction, type TableActor } from "./policy.ts";

// The whole matrix, written out so a change to any cell is a visible change to this table.
const Y = true;
const N = false;
const MATRIX: Record<string, Record<TableAction, boolean>> = {
  //            view  members invite roles notes.read notes.write
  facilitator: row(Y, Y, Y, Y, Y, Y),
  chair: row(Y, Y, N, N, Y, Y),
  secretary: row(Y, Y, N, N, Y, Y),
  delegate: row(Y, Y, N, N, Y, Y),
  observer: row(Y, Y, N, N, Y, N),
  treasurer: row(Y, Y, N, N, Y, Y),
  "non-member": row(N, N, N, N, N, N),
  "signed-out": row(N, N, N, N, N, N),
};

function row(...cells: boolean[]): Record<TableAction, boolean> {
  return Object.fromEntries(TABLE_ACTIONS.map((action, index) => [action, cells[index]])) as Record<TableAction, boolean>;
}

function actor(name: string): TableActor {
  if (name === "non-member") return { kind: "non-member" };
  if (name === "signed-out") return { kind: "signed-out" };
  return { kind: "member", role: name as (typeof ROLES)[number] };
}

describe("table policy", () => {
  it("covers every role plus non-members and signed-out people", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLES, "non-member", "signed-out"].sort());
  });

  for (const [who, expected] of Object.entries(MATRIX)) {
    for (const action of TABLE_ACTIONS) {
      it(`${who} ${expected[action] ? "may" : "may not"} ${action}`, () => {
        expect(can(actor(who), action)).toBe(expected[action]);
      });
    }
  }

  it("lets any signed-in person convene a table, and nobody signed out", () => {
    expect(canCreateTable({ kind: "signed-in" })).toBe(true);
    expect(canCreateTable({ kind: "signed-out" })).toBe(false);
  });
});
