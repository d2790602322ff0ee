import type { Db } from "../../prisma/db.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize, type MemberContext } from "../tables/queries.ts";
import { canParticipate, type ParticipationAction } from "./policy.ts";

/**
 * The member at a table, when participation's policy lets them take this action. Non-members get
 * NOT_FOUND (as for every table action); members learn why they may not.
 */
export async function authorizeParticipation(
  db: Db,
  accountId: string,
  tableId: string,
  action: ParticipationAction,
): Promise<MemberContext> {
  const member = await authorize(db, accountId, tableId, "table.view");
  if (canParticipate(member, action, member.table)) return member;
  if (member.table.status === "closed" && canParticipate(member, action, { status: "active" })) throw new AppError("TABLE_CLOSED");
  throw new AppError("FORBIDDEN");
}
