import type { Db } from "../../prisma/db.ts";
import { actorFor, can } from "../tables/policy.ts";
import { membershipOf } from "../tables/queries.ts";
import { parseDocName } from "./names.ts";

export type DocAccess = "write" | "read" | "none";

/** What an account may do with a live document, from the same policy the pages use. */
export async function docAccess(db: Db, accountId: string, name: string): Promise<DocAccess> {
  const ref = parseDocName(name);
  if (!ref) return "none";
  const membership = await membershipOf(db, accountId, ref.tableId);
  if (!membership) return "none";
  const actor = actorFor(accountId, membership);
  if (can(actor, "notes.write", membership.table)) return "write";
  if (can(actor, "notes.read", membership.table)) return "read";
  return "none";
}
