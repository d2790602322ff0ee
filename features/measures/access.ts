import type { Db } from "../../prisma/db.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize, type MemberContext } from "../tables/queries.ts";
import { canMeasure, type MeasureAction, type MeasureActor } from "./policy.ts";

export function measureActor(member: MemberContext): MeasureActor {
  return { role: member.role, partyId: member.partyId, partyType: member.partyType };
}

/** The member, when the measures policy lets them take this action; non-members get NOT_FOUND. */
export async function authorizeMeasure(db: Db, accountId: string, tableId: string, action: MeasureAction): Promise<MemberContext> {
  const member = await authorize(db, accountId, tableId, "table.view");
  const actor = measureActor(member);
  if (canMeasure(actor, action, member.table)) return member;
  if (member.table.status === "closed" && canMeasure(actor, action, { status: "active" })) throw new AppError("TABLE_CLOSED");
  throw new AppError("FORBIDDEN");
}
