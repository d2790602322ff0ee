// Archiving a closed table: its record (texts, facts, decisions, minutes, the ledger's amounts and
// the log) stays readable for its members, while the personal data it still held goes — the
// payout details of its members, their notifications about it, and invitations nobody used.
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { directPayoutOpen, PAYOUT_STATE_FIELDS } from "../compensation/retention.ts";
import { AppError } from "../shared/app-error.ts";
import { archiveProblem, unarchiveProblem } from "./policy.ts";
import { authorize } from "./queries.ts";

export async function archiveTable(db: Db, accountId: string, tableId: string, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "table.status.change");
  return db.$transaction(async (tx) => {
    const table = await tx.table.findUniqueOrThrow({ where: { id: tableId }, select: { status: true, archivedAt: true } });
    const entries = await tx.ledgerEntry.findMany({ where: { tableId }, select: PAYOUT_STATE_FIELDS });
    const problem = archiveProblem(table, directPayoutOpen(entries));
    if (problem) throw new AppError(problem);
    const memberships = await tx.membership.findMany({ where: { tableId }, select: { id: true, accountId: true } });
    const vault = await tx.vaultValue.deleteMany({ where: { membershipId: { in: memberships.map((m) => m.id) } } });
    const notifications = await tx.notification.deleteMany({
      where: {
        accountId: { in: memberships.map((m) => m.accountId) },
        OR: [{ link: `/tables/${tableId}` }, { link: { startsWith: `/tables/${tableId}/` } }],
      },
    });
    const invitations = await tx.invitation.updateMany({ where: { tableId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.table.update({ where: { id: tableId }, data: { archivedAt: now, updatedAt: now } });
    await noteAccessChange(tx, { tableId });
    const data = { by: member.id, vaultValues: vault.count, notifications: notifications.count, invitations: invitations.count };
    await recordAudit(tx, { action: "table.archived", tableId, data }, now);
    return { vaultValues: vault.count, notifications: notifications.count, invitations: invitations.count };
  });
}

/** Takes the table out of the archive; it stays closed, and what was deleted stays deleted. */
export async function unarchiveTable(db: Db, accountId: string, tableId: string, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "table.status.change");
  await db.$transaction(async (tx) => {
    const table = await tx.table.findUniqueOrThrow({ where: { id: tableId }, select: { archivedAt: true } });
    const problem = unarchiveProblem(table);
    if (problem) throw new AppError(problem);
    await tx.table.update({ where: { id: tableId }, data: { archivedAt: null, updatedAt: now } });
    await recordAudit(tx, { action: "table.unarchived", tableId, data: { by: member.id } }, now);
  });
}
