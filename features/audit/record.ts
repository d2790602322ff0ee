import type { Prisma } from "../../generated/prisma/client.ts";

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

/** Appends an audit event. Actors are ids only: the log never holds names or sign-in names. */
export async function recordAudit(
  db: AuditWriter,
  event: { action: string; tableId?: string; accountId?: string; data?: Record<string, string | number | boolean | null> },
  now: Date = new Date(),
): Promise<void> {
  await db.auditEvent.create({
    data: { action: event.action, tableId: event.tableId, accountId: event.accountId, data: event.data ?? {}, createdAt: now },
  });
}
