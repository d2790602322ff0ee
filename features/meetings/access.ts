import type { Db } from "../../prisma/db.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize, type MemberContext } from "../tables/queries.ts";
import { canMeet, type MeetingAction } from "./policy.ts";

/** The member, when the meetings policy lets them take this action; non-members get NOT_FOUND. */
export async function authorizeMeeting(db: Db, accountId: string, tableId: string, action: MeetingAction): Promise<MemberContext> {
  const member = await authorize(db, accountId, tableId, "table.view");
  if (canMeet(member, action, member.table)) return member;
  if (member.table.status === "closed" && canMeet(member, action, { status: "active" })) throw new AppError("TABLE_CLOSED");
  throw new AppError("FORBIDDEN");
}
