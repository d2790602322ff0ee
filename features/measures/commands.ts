// Drafting measures and moving them through their statuses. Each command checks the role and the
// record (./policy.ts), validates its input, writes in one short transaction and records an audit
// event. The text itself is the live document measure:<tableId>:<measureId>; its versions are
// frozen by features/docs/versions.ts like the problem statement's.
import type { MeasureStatus } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { auditActor } from "../facts/records.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorizeMeasure, measureActor } from "./access.ts";
import { latestCheck } from "./impact.ts";
import { type MeasureInput, measureInputSchema } from "./model.ts";
import { checkCountsForProposal, measureTextOpen, transitionRefusal } from "./policy.ts";
import { findMeasure, latestVersion, moveStatus, refuse } from "./records.ts";

type Basis = { problemVersionId: string | null; factIds: string[] };

/** The problem version and facts a measure rests on must be this table's. */
async function checkBasis(db: Db, tableId: string, basis: Basis): Promise<void> {
  if (basis.problemVersionId) {
    const version = await db.docVersion.findFirst({ where: { id: basis.problemVersionId, tableId, docName: `problem:${tableId}` } });
    if (!version) throw new AppError("NOT_FOUND", { field: "problemVersionId" });
  }
  const ids = [...new Set(basis.factIds)];
  if (ids.length > 0 && (await db.fact.count({ where: { id: { in: ids }, tableId } })) !== ids.length) {
    throw new AppError("IMPACT_EVIDENCE_UNKNOWN", { field: "factIds" });
  }
}

export async function createMeasure(db: Db, accountId: string, tableId: string, input: MeasureInput, now = new Date()) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.draft");
  const data = parseInput(measureInputSchema, input);
  await checkBasis(db, tableId, data);
  return db.$transaction(async (tx) => {
    const measure = await tx.measure.create({
      data: {
        tableId,
        title: data.title,
        kind: data.kind,
        purpose: data.purpose,
        responsibleBody: data.responsibleBody,
        domain: data.domain,
        problemVersionId: data.problemVersionId,
        createdBy: member.id,
        createdAt: now,
        facts: { create: [...new Set(data.factIds)].map((factId) => ({ factId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "measure.created", tableId, data: { ...auditActor(member), measure: measure.id } }, now);
    return measure;
  });
}

/** Title, purpose and basis change while the text is drafted; the earlier values stay in the audit log. */
export async function editMeasure(db: Db, accountId: string, tableId: string, measureId: string, input: MeasureInput, now = new Date()) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.draft");
  const measure = await findMeasure(db, tableId, measureId);
  if (!measureTextOpen(measure.status)) throw new AppError("MEASURE_NOT_EDITABLE");
  const data = parseInput(measureInputSchema, input);
  await checkBasis(db, tableId, data);
  await db.$transaction(async (tx) => {
    const before = await tx.measure.findUniqueOrThrow({ where: { id: measure.id }, select: { title: true, purpose: true } });
    const updated = await tx.measure.updateMany({
      where: { id: measure.id, status: measure.status },
      data: {
        title: data.title,
        kind: data.kind,
        purpose: data.purpose,
        responsibleBody: data.responsibleBody,
        domain: data.domain,
        problemVersionId: data.problemVersionId,
      },
    });
    if (updated.count === 0) throw new AppError("CHANGED_MEANWHILE");
    await tx.measureFact.deleteMany({ where: { measureId: measure.id } });
    await tx.measureFact.createMany({ data: [...new Set(data.factIds)].map((factId) => ({ measureId: measure.id, factId })) });
    await recordAudit(
      tx,
      {
        action: "measure.edited",
        tableId,
        data: { ...auditActor(member), measure: measure.id, title: before.title, purpose: before.purpose },
      },
      now,
    );
  });
}

export type StatusInput = { to: string; reason?: string; override?: boolean };

const STATUS_COMMAND_TARGETS: readonly MeasureStatus[] = ["draft", "proposed", "in_force", "withdrawn"];

/**
 * The moderated steps: back to drafting, proposing (with a complete impact check or the chair's
 * override), in force after adoption, withdrawn. Checks, adoption and reviews have their own commands.
 */
export async function changeMeasureStatus(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  input: StatusInput,
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.view");
  const measure = await findMeasure(db, tableId, measureId);
  const to = input.to as MeasureStatus;
  if (!STATUS_COMMAND_TARGETS.includes(to)) throw new AppError("MEASURE_STATUS_SKIPS");
  if (member.table.status === "closed") throw new AppError("TABLE_CLOSED");
  const reason = (input.reason ?? "").trim();
  if (reason.length > 4000) throw new AppError("MEASURE_TEXT_TOO_LONG", { field: "reason" });
  const check = to === "proposed" ? await latestCheck(db, measure.id) : null;
  const ready = to === "proposed" && checkCountsForProposal(check, (await latestVersion(db, tableId, measure.id))?.id ?? null);
  const override = input.override === true;
  refuse(transitionRefusal(measureActor(member), measure.status, to, "status", { checkComplete: ready, override, reason }));
  await db.$transaction(async (tx) => {
    await moveStatus(tx, measure, measure.status, to, { member, reason, override: override && !ready }, now);
    // Leaving the check closes it: answers after this would not be about what was proposed.
    if (measure.status === "impact_check") {
      await tx.impactCheck.updateMany({ where: { measureId: measure.id, closedAt: null }, data: { closedAt: now } });
    }
  });
}
