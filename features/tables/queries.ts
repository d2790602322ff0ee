import type { Db } from "../../prisma/db.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { actorFor, can, type TableAction } from "./policy.ts";

export async function membershipOf(db: Db, accountId: string, tableId: string) {
  if (!isUuid(tableId)) return null;
  return db.membership.findUnique({ where: { tableId_accountId: { tableId, accountId } }, select: { id: true, role: true } });
}

/**
 * Loads what an action needs to know about the actor at a table and checks the policy.
 * Unknown tables and forbidden ones answer alike, so ids cannot be probed.
 */
export async function authorize(db: Db, accountId: string | null, tableId: string, action: TableAction) {
  const membership = accountId ? await membershipOf(db, accountId, tableId) : null;
  if (!membership || !can(actorFor(accountId, membership), action)) {
    throw new AppError(accountId ? "NOT_FOUND" : "NOT_SIGNED_IN");
  }
  return membership;
}

export async function tablesOf(db: Db, accountId: string) {
  const memberships = await db.membership.findMany({
    where: { accountId },
    orderBy: { table: { createdAt: "desc" } },
    select: { role: true, table: { select: { id: true, title: true, createdAt: true } } },
  });
  return memberships.map((membership) => ({ ...membership.table, role: membership.role }));
}

/** The table page's data for a member. Members see each other's pseudonyms, nobody's sign-in name. */
export async function tableForMember(db: Db, accountId: string, tableId: string) {
  const membership = await authorize(db, accountId, tableId, "table.view");
  const table = await db.table.findUniqueOrThrow({
    where: { id: tableId },
    select: {
      id: true,
      title: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, account: { select: { pseudonym: true } } },
      },
    },
  });
  return {
    id: table.id,
    title: table.title,
    createdAt: table.createdAt,
    myMembershipId: membership.id,
    myRole: membership.role,
    members: table.memberships.map((m) => ({ membershipId: m.id, role: m.role, pseudonym: m.account.pseudonym })),
  };
}

export async function openInvitations(db: Db, accountId: string, tableId: string, now: Date) {
  await authorize(db, accountId, tableId, "table.invite");
  return db.invitation.findMany({
    where: { tableId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true },
  });
}
