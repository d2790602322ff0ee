import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize } from "../tables/queries.ts";
import { type Form, formSchema, PERCEPTION_EDIT_WINDOW_MS } from "./model.ts";

async function partyAndPhase(db: Db, tableId: string, partyId: string, phaseId: string) {
  if (!isUuid(partyId) || !isUuid(phaseId)) throw new AppError("NOT_FOUND");
  const [party, phase] = [
    await db.party.findFirst({ where: { id: partyId, tableId }, select: { id: true } }),
    await db.phase.findFirst({ where: { id: phaseId, tableId }, select: { id: true, startsOn: true } }),
  ];
  if (!party || !phase) throw new AppError("NOT_FOUND");
  return { party, phase };
}

/** The chair or facilitator sets the intended form, with a rationale; earlier choices stay as history. */
export async function setIntendedForm(
  db: Db,
  accountId: string,
  tableId: string,
  input: { partyId: string; phaseId: string; form: unknown; rationale?: string },
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "participation.intended.set");
  const form = formSchema.safeParse(input.form);
  if (!form.success) throw new AppError("INVALID_INPUT", { field: "form" });
  await partyAndPhase(db, tableId, input.partyId, input.phaseId);
  const rationale = (input.rationale ?? "").trim().slice(0, 2000);
  return db.$transaction(async (tx) => {
    const row = await tx.intendedForm.create({
      data: { tableId, partyId: input.partyId, phaseId: input.phaseId, form: form.data, rationale, setBy: member.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "participation.intended_set",
        tableId,
        data: { by: member.id, party: input.partyId, phase: input.phaseId, form: form.data },
      },
      now,
    );
    return row;
  });
}

export type PerceptionInput = {
  partyId: string;
  phaseId: string;
  form: unknown;
  explanation?: string;
  attribution?: "person" | "organisation";
  confidential?: boolean;
  /** yyyy-mm-dd; defaults to today. */
  assessedOn?: string;
};

function dayOf(value: string | undefined, now: Date): Date {
  const iso = value || now.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new AppError("INVALID_DATE", { field: "assessedOn" });
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * A delegate records how their own party experienced a phase. Not in the future, not before
 * the phase began. Changing it within 24 hours corrects it; later, it becomes a new assessment.
 */
export async function recordPerception(
  db: Db,
  accountId: string,
  tableId: string,
  input: PerceptionInput & { replaces?: string },
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "participation.perception.record");
  if (member.partyId !== input.partyId) throw new AppError("FORBIDDEN");
  const form = formSchema.safeParse(input.form);
  if (!form.success) throw new AppError("INVALID_INPUT", { field: "form" });
  const { phase } = await partyAndPhase(db, tableId, input.partyId, input.phaseId);
  const assessedOn = dayOf(input.assessedOn, now);
  const today = dayOf(undefined, now);
  if (assessedOn > today) throw new AppError("ASSESSMENT_IN_FUTURE", { field: "assessedOn" });
  if (phase.startsOn && assessedOn < phase.startsOn) throw new AppError("ASSESSMENT_BEFORE_PHASE", { field: "assessedOn" });
  const data = {
    form: form.data as Form,
    explanation: (input.explanation ?? "").trim().slice(0, 4000),
    attribution: input.attribution === "person" ? ("person" as const) : ("organisation" as const),
    confidential: input.confidential === true,
  };
  return db.$transaction(async (tx) => {
    if (input.replaces && isUuid(input.replaces)) {
      const earlier = await tx.perception.findFirst({
        where: { id: input.replaces, tableId, partyId: input.partyId, phaseId: input.phaseId },
        select: { id: true, createdAt: true },
      });
      if (!earlier) throw new AppError("NOT_FOUND");
      if (now.getTime() - earlier.createdAt.getTime() < PERCEPTION_EDIT_WINDOW_MS) {
        await tx.perception.update({ where: { id: earlier.id }, data: { ...data, assessedOn, recordedBy: member.id, updatedAt: now } });
        await recordAudit(
          tx,
          { action: "participation.perception_corrected", tableId, data: { by: member.id, perception: earlier.id } },
          now,
        );
        return { id: earlier.id, corrected: true };
      }
    }
    const row = await tx.perception.create({
      data: {
        ...data,
        tableId,
        partyId: input.partyId,
        phaseId: input.phaseId,
        assessedOn,
        recordedBy: member.id,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "participation.perception_recorded",
        tableId,
        data: { by: member.id, party: input.partyId, phase: input.phaseId, form: data.form },
      },
      now,
    );
    return { id: row.id, corrected: false };
  });
}

/** The chair puts a participation gap on the list for the next meeting. */
export async function addGapToNextMeeting(
  db: Db,
  accountId: string,
  tableId: string,
  input: { partyId: string; phaseId: string; note?: string },
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "participation.agenda.add");
  await partyAndPhase(db, tableId, input.partyId, input.phaseId);
  return db.$transaction(async (tx) => {
    const existing = await tx.nextMeetingItem.findFirst({
      where: { tableId, kind: "participation_gap", partyId: input.partyId, phaseId: input.phaseId, doneAt: null },
      select: { id: true },
    });
    if (existing) return existing;
    const item = await tx.nextMeetingItem.create({
      data: {
        tableId,
        kind: "participation_gap",
        partyId: input.partyId,
        phaseId: input.phaseId,
        note: (input.note ?? "").slice(0, 1000),
        addedBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "agenda.item_added", tableId, data: { by: member.id, item: item.id } }, now);
    return item;
  });
}
