// Shared steps of the measure commands: finding a measure of this table (other tables' ids are
// not-found, so they cannot be probed), and moving its status with a history row in the same
// transaction, only from the status the command checked.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { MeasureStatus } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { docName } from "../docs/names.ts";
import { auditActor } from "../facts/records.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError, type ErrorCode } from "../shared/app-error.ts";
import type { MemberContext } from "../tables/queries.ts";
import { measureTextOpen } from "./policy.ts";

type Tx = Prisma.TransactionClient;

export function refuse(code: ErrorCode | null): void {
  if (code) throw new AppError(code);
}

export async function findMeasure(db: Db | Tx, tableId: string, measureId: string) {
  if (!isUuid(measureId)) throw new AppError("NOT_FOUND");
  const measure = await db.measure.findFirst({
    where: { id: measureId, tableId },
    select: { id: true, tableId: true, title: true, status: true, domain: true, responsibleBody: true },
  });
  if (!measure) throw new AppError("NOT_FOUND");
  return measure;
}

export function measureDocName(tableId: string, measureId: string): string {
  return docName({ kind: "measure", tableId, measureId });
}

/** The measure's latest frozen version, or null before the first. */
export function latestVersion(db: Db | Tx, tableId: string, measureId: string) {
  return db.docVersion.findFirst({
    where: { docName: measureDocName(tableId, measureId) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, sha256: true },
  });
}

/** Moves the measure from `from` to `to` inside the caller's transaction; CHANGED_MEANWHILE if someone else moved it first. */
export async function moveStatus(
  tx: Tx,
  measure: { id: string; tableId: string },
  from: MeasureStatus,
  to: MeasureStatus,
  change: { member: Pick<MemberContext, "id" | "role" | "partyId">; reason?: string; override?: boolean },
  now: Date,
): Promise<void> {
  const moved = await tx.measure.updateMany({ where: { id: measure.id, status: from }, data: { status: to } });
  if (moved.count === 0) throw new AppError("CHANGED_MEANWHILE");
  await tx.measureStatusChange.create({
    data: {
      measureId: measure.id,
      fromStatus: from,
      toStatus: to,
      reason: change.reason ?? "",
      override: change.override ?? false,
      changedBy: change.member.id,
      createdAt: now,
    },
  });
  // Whether the live text may be written changed: open editors are re-checked within seconds.
  if (measureTextOpen(from) !== measureTextOpen(to)) await noteAccessChange(tx, { tableId: measure.tableId });
  await recordAudit(
    tx,
    {
      action: "measure.status_changed",
      tableId: measure.tableId,
      // A delegate's step (the adoption an official records) is their party's, as everywhere in the log.
      data: { ...auditActor(change.member), measure: measure.id, fromStatus: from, toStatus: to, override: change.override ?? false },
    },
    now,
  );
}
