import type { Prisma } from "../../generated/prisma/client.ts";
import type { AuditAction } from "./actions.ts";

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export type AuditEventInput = {
  action: AuditAction;
  tableId?: string;
  accountId?: string;
  data?: Record<string, string | number | boolean | null>;
};

/** The row for an audit event, for a batch transaction that cannot await recordAudit. */
export function auditEventData(event: AuditEventInput, now: Date = new Date()): { data: Prisma.AuditEventUncheckedCreateInput } {
  return {
    data: { action: event.action, tableId: event.tableId, accountId: event.accountId, data: event.data ?? {}, createdAt: now },
  };
}

/** Appends an audit event. Actors are ids only: the log never holds names or sign-in names. */
export async function recordAudit(db: AuditWriter, event: AuditEventInput, now: Date = new Date()): Promise<void> {
  await db.auditEvent.create(auditEventData(event, now));
}
