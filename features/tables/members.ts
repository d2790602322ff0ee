// Leaving a table, and a facilitator removing someone or letting them back in. Memberships are
// never deleted: ending one sets leftAt (and who removed), so everything the person recorded stays
// with their party and shows them as a former member. Every current-member read filters on
// CURRENT_MEMBER, which is how the pages, policies and the realtime server's re-check notice it.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { membershipEndProblem } from "./policy.ts";
import { authorize, CURRENT_MEMBER } from "./queries.ts";

type Tx = Prisma.TransactionClient;

/**
 * Two facilitators ending each other's memberships at once would each count two facilitators and
 * leave none: lock the table's current facilitator rows so such changes take turns, then count.
 */
async function currentFacilitators(tx: Tx, tableId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "tableId" = ${tableId}::uuid AND role = 'facilitator' AND "leftAt" IS NULL FOR UPDATE`;
  return rows.length;
}

/** The one place a membership ends. */
async function endMembership(tx: Tx, input: { membershipId: string; removedBy: string | null }, now: Date): Promise<void> {
  const ended = await tx.membership.update({
    where: { id: input.membershipId },
    data: { leftAt: now, removedBy: input.removedBy, updatedAt: now },
    select: { accountId: true, tableId: true },
  });
  // Their open live documents close at the realtime server's next tick.
  await noteAccessChange(tx, ended);
}

/** The signed-in person leaves the table. Their contributions stay, as a former member's. */
export async function leaveTable(db: Db, accountId: string, tableId: string, now: Date = new Date()): Promise<void> {
  const member = await authorize(db, accountId, tableId, "table.leave");
  await db.$transaction(async (tx) => {
    const facilitators = await currentFacilitators(tx, tableId);
    const target = await tx.membership.findFirst({ where: { id: member.id, ...CURRENT_MEMBER }, select: { id: true, role: true } });
    if (!target) throw new AppError("NOT_FOUND");
    const problem = membershipEndProblem({ kind: "leave", self: true, targetRole: target.role, facilitators });
    if (problem) throw new AppError(problem);
    await endMembership(tx, { membershipId: target.id, removedBy: null }, now);
    // By themselves: the log names them as the actor, which reads "former member" from now on.
    await recordAudit(tx, { action: "membership.left", tableId, data: { by: target.id, membership: target.id, role: target.role } }, now);
  });
}

/** The facilitator removes a member; they lose access at once, their contributions stay. */
export async function removeMember(
  db: Db,
  accountId: string,
  input: { tableId: string; membershipId: string },
  now: Date = new Date(),
): Promise<void> {
  const actor = await authorize(db, accountId, input.tableId, "table.members.remove");
  if (!isUuid(input.membershipId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const facilitators = await currentFacilitators(tx, input.tableId);
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, tableId: input.tableId, ...CURRENT_MEMBER },
      select: { id: true, role: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    const problem = membershipEndProblem({ kind: "remove", self: target.id === actor.id, targetRole: target.role, facilitators });
    if (problem) throw new AppError(problem);
    await endMembership(tx, { membershipId: target.id, removedBy: actor.id }, now);
    await recordAudit(
      tx,
      { action: "membership.removed", tableId: input.tableId, data: { by: actor.id, membership: target.id, role: target.role } },
      now,
    );
  });
}

/** Undoes a removal: the person is back with the role and party they had. */
export async function readmitMember(
  db: Db,
  accountId: string,
  input: { tableId: string; membershipId: string },
  now: Date = new Date(),
): Promise<void> {
  const actor = await authorize(db, accountId, input.tableId, "table.members.remove");
  if (!isUuid(input.membershipId)) throw new AppError("NOT_FOUND");
  // Only removals are undone here: someone who left by their own choice comes back by invitation.
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, tableId: input.tableId, leftAt: { not: null }, removedBy: { not: null } },
      select: { id: true, accountId: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    await tx.membership.update({ where: { id: target.id }, data: { leftAt: null, removedBy: null, updatedAt: now } });
    await noteAccessChange(tx, { accountId: target.accountId, tableId: input.tableId });
    await recordAudit(
      tx,
      { action: "membership.readmitted", tableId: input.tableId, data: { by: actor.id, membership: input.membershipId } },
      now,
    );
  });
}

/**
 * People the facilitator removed, so a removal can be undone. Those who left by themselves are
 * not listed: their leaving is theirs, and they come back by invitation if they wish.
 */
export async function removedMembers(db: Db, accountId: string, tableId: string) {
  await authorize(db, accountId, tableId, "table.members.remove");
  const rows = await db.membership.findMany({
    where: { tableId, leftAt: { not: null }, removedBy: { not: null } },
    orderBy: { leftAt: "desc" },
    select: { id: true, role: true, leftAt: true, account: { select: { pseudonym: true } } },
  });
  return rows.map((row) => ({ membershipId: row.id, role: row.role, removedAt: row.leftAt as Date, pseudonym: row.account.pseudonym }));
}
