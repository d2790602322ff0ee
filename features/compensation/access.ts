import type { Db } from "../../prisma/db.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize, type MemberContext } from "../tables/queries.ts";
import { type CompensationAction, canCompensate } from "./policy.ts";

/** The member, when the compensation policy lets them take this action; non-members get NOT_FOUND. */
export async function authorizeCompensation(
  db: Db,
  accountId: string,
  tableId: string,
  action: CompensationAction,
): Promise<MemberContext> {
  const member = await authorize(db, accountId, tableId, "table.view");
  if (canCompensate(member, action)) return member;
  throw new AppError("FORBIDDEN");
}
