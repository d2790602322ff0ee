// The table's process as an ordered, editable list of phases with what each must deliver.
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorize } from "./queries.ts";

export const DEFAULT_PHASES = [
  "agenda_setting",
  "problem_definition",
  "fact_finding",
  "options_and_drafting",
  "decision",
  "implementation",
  "monitoring_and_evaluation",
] as const;

type PhaseWriter = Pick<Db, "phase">;

/** Every new table starts with the default phases; the first is current. */
export async function createDefaultPhases(tx: PhaseWriter & Pick<Db, "table">, tableId: string): Promise<void> {
  await tx.phase.createMany({ data: DEFAULT_PHASES.map((kind, position) => ({ tableId, kind, position })) });
  const first = await tx.phase.findFirst({ where: { tableId, position: 0 }, select: { id: true } });
  if (first) await tx.table.update({ where: { id: tableId }, data: { currentPhaseId: first.id } });
}

const day = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "INVALID_DATE" })]);

export const phaseSchema = z
  .object({
    name: z.string().trim().max(120, { message: "INVALID_INPUT" }),
    deliverables: z.string().trim().max(2000, { message: "INVALID_INPUT" }),
    startsOn: day,
    endsOn: day,
  })
  .refine((phase) => !phase.startsOn || !phase.endsOn || phase.startsOn <= phase.endsOn, {
    message: "PHASE_ENDS_BEFORE_START",
    path: ["endsOn"],
  });

function toDate(value: string): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

export async function updatePhase(
  db: Db,
  accountId: string,
  tableId: string,
  phaseId: string,
  input: z.input<typeof phaseSchema>,
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "phases.manage");
  const { name, deliverables, startsOn, endsOn } = parseInput(phaseSchema, input);
  if (!isUuid(phaseId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const updated = await tx.phase.updateMany({
      where: { id: phaseId, tableId },
      data: { name, deliverables, startsOn: toDate(startsOn), endsOn: toDate(endsOn) },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { action: "phase.changed", tableId, data: { by: member.id, phase: phaseId } }, now);
  });
}

export async function setCurrentPhase(db: Db, accountId: string, tableId: string, phaseId: string, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "phases.manage");
  if (!isUuid(phaseId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const phase = await tx.phase.findFirst({ where: { id: phaseId, tableId }, select: { id: true } });
    if (!phase) throw new AppError("NOT_FOUND");
    await tx.table.update({ where: { id: tableId }, data: { currentPhaseId: phase.id } });
    await recordAudit(tx, { action: "phase.current_changed", tableId, data: { by: member.id, phase: phase.id } }, now);
  });
}

export async function addPhase(db: Db, accountId: string, tableId: string, input: { name: string }, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "phases.manage");
  const name = z.string().trim().min(2).max(120).safeParse(input.name);
  if (!name.success) throw new AppError("PHASE_NAME_INVALID", { field: "name" });
  return db.$transaction(async (tx) => {
    const last = await tx.phase.findFirst({ where: { tableId }, orderBy: { position: "desc" }, select: { position: true } });
    const phase = await tx.phase.create({ data: { tableId, name: name.data, position: (last?.position ?? -1) + 1 }, select: { id: true } });
    await recordAudit(tx, { action: "phase.added", tableId, data: { by: member.id, phase: phase.id } }, now);
    return phase;
  });
}

/** Moves a phase one place earlier or later in the table's order; the ends stay put. */
export async function movePhase(db: Db, accountId: string, tableId: string, phaseId: string, direction: unknown, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "phases.manage");
  const parsed = z.enum(["up", "down"]).safeParse(direction);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { field: "direction" });
  if (!isUuid(phaseId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const phases = await tx.phase.findMany({ where: { tableId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const index = phases.findIndex((phase) => phase.id === phaseId);
    if (index < 0) throw new AppError("NOT_FOUND");
    const other = index + (parsed.data === "up" ? -1 : 1);
    if (other < 0 || other >= phases.length) return;
    const order = phases.map((phase) => phase.id);
    [order[index], order[other]] = [order[other] as string, order[index] as string];
    // Renumber the whole list so earlier gaps or equal positions cannot make the order ambiguous.
    for (const [position, id] of order.entries()) await tx.phase.update({ where: { id }, data: { position } });
    await recordAudit(tx, { action: "phase.moved", tableId, data: { by: member.id, phase: phaseId, position: other + 1 } }, now);
  });
}

/** For callers that have already authorised the reader. */
export async function listPhases(db: Db, tableId: string) {
  const phases = await db.phase.findMany({ where: { tableId }, orderBy: { position: "asc" } });
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { currentPhaseId: true } });
  return phases.map((phase) => ({ ...phase, current: phase.id === table.currentPhaseId }));
}
