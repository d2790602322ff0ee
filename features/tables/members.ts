// Leaving a table, and a facilitator removing someone or letting them back in. Memberships are
// never deleted: ending one sets leftAt (and who removed), so everything the person recorded stays
// with their party and shows them as a former member. Every current-member read filters on
// CURRENT_MEMBER, which is how the pages, policies and the realtime server's re-check notice it.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { tablePath } from "../notifications/model.ts";
import { notify } from "../notifications/notify.ts";
import { AppError } from "../shared/app-error.ts";
import { mayBePartyContact, membershipEndProblem, vouchProblem } from "./policy.ts";
import { authorize, CURRENT_MEMBER, NAMED_MEMBER } from "./queries.ts";

type Tx = Prisma.TransactionClient;

/**
 * Two facilitators ending each other's memberships at once would each count two facilitators and
 * leave none: lock the table's current facilitator rows so such changes take turns, then count.
 * Erasing an account counts the same way (features/identity/erasure.ts).
 */
export async function currentFacilitators(tx: Tx, tableId: string): Promise<number> {
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
  // An erased account never comes back: nobody can sign in to it any more.
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, tableId: input.tableId, leftAt: { not: null }, removedBy: { not: null }, ...NAMED_MEMBER },
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
    await notify(tx, [target.accountId], "invitation", tablePath(input.tableId), now);
  });
}

/**
 * People the facilitator removed, so a removal can be undone. Those who left by themselves are
 * not listed: their leaving is theirs, and they come back by invitation if they wish.
 */
export async function removedMembers(db: Db, accountId: string, tableId: string) {
  await authorize(db, accountId, tableId, "table.members.remove");
  const rows = await db.membership.findMany({
    where: { tableId, leftAt: { not: null }, removedBy: { not: null }, ...NAMED_MEMBER },
    orderBy: { leftAt: "desc" },
    select: { id: true, role: true, leftAt: true, account: { select: { pseudonym: true } } },
  });
  return rows.map((row) => ({ membershipId: row.id, role: row.role, removedAt: row.leftAt as Date, pseudonym: row.account.pseudonym }));
}

/**
 * The facilitator marks a delegate as their party's contact (or no longer): the person who vouches
 * for the party's people. Only someone who takes part for a party as its delegate can be it.
 */
export async function setPartyContact(
  db: Db,
  accountId: string,
  input: { tableId: string; membershipId: string; contact: boolean },
  now: Date = new Date(),
): Promise<void> {
  const actor = await authorize(db, accountId, input.tableId, "party.contact.set");
  if (!isUuid(input.membershipId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, tableId: input.tableId, ...CURRENT_MEMBER },
      select: { id: true, role: true, partyId: true, partyContact: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    if (input.contact && !mayBePartyContact(target)) throw new AppError("NOT_A_PARTY_DELEGATE", { field: "membershipId" });
    if (target.partyContact === input.contact) return;
    await tx.membership.update({ where: { id: target.id }, data: { partyContact: input.contact, updatedAt: now } });
    await recordAudit(
      tx,
      {
        action: "membership.contact_changed",
        tableId: input.tableId,
        data: { by: actor.id, membership: target.id, party: target.partyId, contact: input.contact },
      },
      now,
    );
  });
}

/**
 * The party's contact vouches for a member of their own party, instead of any identity proof. The
 * vouch is the contact's: it records which contact gave it and when, and the log shows it as said
 * for the party. Only the vouch is stored, nothing about the person's identity.
 */
export async function vouchForMember(
  db: Db,
  accountId: string,
  input: { tableId: string; membershipId: string },
  now: Date = new Date(),
): Promise<void> {
  const actor = await authorize(db, accountId, input.tableId, "members.vouch");
  if (!isUuid(input.membershipId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const contact = await tx.membership.findUniqueOrThrow({ where: { id: actor.id }, select: { partyContact: true } });
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, tableId: input.tableId, ...CURRENT_MEMBER },
      select: { id: true, partyId: true, vouchedByPartyId: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    const problem = vouchProblem(
      { membershipId: actor.id, role: actor.role, partyId: actor.partyId, partyContact: contact.partyContact },
      { membershipId: target.id, partyId: target.partyId, vouched: target.vouchedByPartyId !== null },
    );
    if (problem) throw new AppError(problem);
    const updated = await tx.membership.updateMany({
      where: { id: target.id, vouchedByPartyId: null },
      data: { vouchedByPartyId: actor.partyId, vouchedBy: actor.id, vouchedAt: now, updatedAt: now },
    });
    if (updated.count !== 1) throw new AppError("ALREADY_VOUCHED");
    await recordAudit(
      tx,
      { action: "membership.vouched", tableId: input.tableId, data: { by: actor.id, membership: target.id, party: actor.partyId } },
      now,
    );
  });
}
