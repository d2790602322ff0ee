// Record-level rules for live documents, beside the role × action rules in
// features/tables/policy.ts (notes.*, problem.*, perspective.*). Pure functions, tested as a
// matrix in policy.test.ts; the realtime server and the pages ask the same function.
import type { MeasureStatus } from "../../generated/prisma/enums.ts";
import { canMeasure, measureTextOpen } from "../measures/policy.ts";
import { canMeet, type MinutesStage } from "../meetings/policy.ts";
import type { TableActor, TableState } from "../tables/policy.ts";
import { can } from "../tables/policy.ts";
import type { DocRef } from "./names.ts";

export type DocAccess = "write" | "read" | "none";

/** The actor's own party, from their membership: a perspective is written only by its party. */
export type DocActor = TableActor & { partyId?: string | null };

/**
 * What an actor may do with one document. A perspective is its party's: only that party's
 * delegates write it, everyone else at the table reads it. `partyAtTable` says whether the
 * perspective's party belongs to the table (an unknown party has no document to read).
 * `minutes` says where a meeting's minutes stand (features/meetings/policy.ts minutesStage): none
 * for an unknown or cancelled meeting, nothing before the meeting is over (so nobody opens the
 * document before its pre-fill is written), and read-only once the parties approved them.
 * `measure` is the status of the measure a measure text belongs to (null: no such measure at this
 * table): drafted until it is proposed, read-only after.
 */
export function docAccessFor(
  actor: DocActor,
  ref: DocRef,
  table: TableState,
  context: { partyAtTable?: boolean; minutes?: MinutesStage; measure?: MeasureStatus | null } = {},
): DocAccess {
  const pair = (write: Parameters<typeof can>[1], read: Parameters<typeof can>[1]): DocAccess =>
    can(actor, write, table) ? "write" : can(actor, read, table) ? "read" : "none";
  switch (ref.kind) {
    case "notes":
      return pair("notes.write", "notes.read");
    case "problem":
      return pair("problem.write", "problem.read");
    case "perspective": {
      if (context.partyAtTable === false) return "none";
      const own = actor.kind === "member" && actor.partyId === ref.partyId;
      if (own && can(actor, "perspective.write", table)) return "write";
      return can(actor, "perspective.read", table) ? "read" : "none";
    }
    case "minutes": {
      const stage = context.minutes ?? "none";
      if (actor.kind !== "member" || stage === "none" || stage === "before") return "none";
      if (stage === "drafting" && canMeet(actor, "meetings.minutes.write", table)) return "write";
      return canMeet(actor, "meetings.view", table) ? "read" : "none";
    }
    case "measure": {
      const status = context.measure ?? null;
      if (actor.kind !== "member" || status === null) return "none";
      const measureActor = { role: actor.role, partyId: actor.partyId ?? null, partyType: actor.partyType ?? null };
      if (measureTextOpen(status) && canMeasure(measureActor, "measures.draft", table)) return "write";
      return canMeasure(measureActor, "measures.view", table) ? "read" : "none";
    }
  }
}
