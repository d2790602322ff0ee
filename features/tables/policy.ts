// Who may do what at a table. Pure functions over the actor's role, tested as a full matrix in
// policy.test.ts; every route and the realtime server ask these, never their own rules.
import type { Role } from "./model.ts";

export const TABLE_ACTIONS = [
  "table.view",
  "table.members.view",
  "table.invite",
  "table.roles.change",
  "notes.read",
  "notes.write",
] as const;
export type TableAction = (typeof TABLE_ACTIONS)[number];

/** signed-out: no session; non-member: signed in but not at this table. */
export type TableActor = { kind: "signed-out" } | { kind: "non-member" } | { kind: "member"; role: Role };

const MEMBER_ACTIONS: Record<TableAction, (role: Role) => boolean> = {
  "table.view": () => true,
  "table.members.view": () => true,
  "table.invite": (role) => role === "facilitator",
  "table.roles.change": (role) => role === "facilitator",
  "notes.read": () => true,
  // Observers follow the notes live but do not write in them.
  "notes.write": (role) => role !== "observer",
};

export function can(actor: TableActor, action: TableAction): boolean {
  if (actor.kind !== "member") return false;
  return MEMBER_ACTIONS[action](actor.role);
}

/** Any signed-in person may convene a new table; they become its facilitator. */
export function canCreateTable(actor: { kind: "signed-out" } | { kind: "signed-in" }): boolean {
  return actor.kind === "signed-in";
}

export function actorFor(accountId: string | null, membership: { role: Role } | null): TableActor {
  if (!accountId) return { kind: "signed-out" };
  if (!membership) return { kind: "non-member" };
  return { kind: "member", role: membership.role };
}
