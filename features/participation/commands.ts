import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { isoDate, isoDay } from "../shared/dates.ts";
import { authorizeParticipation } from "./access.ts";
import { attributionSchema, type Form, formSchema } from "./model.ts";
import { partyVoiceOf, perceptionCorrection } from "./policy.ts";

async function partyOf(db: Db, tableId: string, partyId: string) {
  const party = isUuid(partyId) ? await db.party.findFirst({ where: { id: partyId, tableId }, select: { id: true } }) : null;
  if (!party) throw new AppError("NOT_FOUND");
  return party;
}

async function phaseOf(db: Db, tableId: string, phaseId: string) {
  const phase = isUuid(phaseId)
    ? await db.phase.findFirst({ where: { id: phaseId, tableId }, select: { id: true, startsOn: true } })
    : null;
  if (!phase) throw new AppError("NOT_FOUND");
  return phase;
}

/** The chair or facilitator sets the intended form, with a rationale; earlier choices stay as history. */
export async function setIntendedForm(
  db: Db,
  accountId: string,
  tableId: string,
  input: { partyId: string; phaseId: string; form: unknown; rationale?: string },
  now = new Date(),
) {
  const member = await authorizeParticipation(db, accountId, tableId, "participation.intended.set");
  const form = formSchema.safeParse(input.form);
  if (!form.success) throw new AppError("INVALID_INPUT", { field: "form" });
  await partyOf(db, tableId, input.partyId);
  await phaseOf(db, tableId, input.phaseId);
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

/** What a delegate says about their own party's experience. The party comes from their membership. */
export type PerceptionInput = {
  phaseId: string;
  form: unknown;
  explanation?: string;
  attribution?: unknown;
  confidential?: boolean;
  /** yyyy-mm-dd; defaults to today (for a correction: the corrected assessment's date). */
  assessedOn?: string;
};

function dayOf(value: string | undefined, now: Date): Date {
  // "Today" is the Amsterdam day, like everything people see.
  const iso = value || isoDate(now);
  const day = new Date(`${iso}T00:00:00Z`);
  // Round trip, so 31 February is refused instead of becoming 3 March.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(day.getTime()) || isoDay(day) !== iso) {
    throw new AppError("INVALID_DATE", { field: "assessedOn" });
  }
  return day;
}

function checkAssessedOn(assessedOn: Date, phase: { startsOn: Date | null }, now: Date) {
  if (assessedOn > dayOf(undefined, now)) throw new AppError("ASSESSMENT_IN_FUTURE", { field: "assessedOn" });
  if (phase.startsOn && assessedOn < phase.startsOn) throw new AppError("ASSESSMENT_BEFORE_PHASE", { field: "assessedOn" });
}

/**
 * A delegate records how their own party experienced a phase. Not in the future, not before the
 * phase began. `replaces` asks to correct an earlier assessment: only its author may, within 24
 * hours it is corrected (the earlier text kept as a revision), later it becomes a new assessment.
 */
export async function recordPerception(
  db: Db,
  accountId: string,
  tableId: string,
  input: PerceptionInput & { replaces?: string },
  now = new Date(),
) {
  const member = await authorizeParticipation(db, accountId, tableId, "participation.perception.record");
  const partyId = partyVoiceOf(member);
  if (!partyId) throw new AppError("NO_PARTY_TO_SPEAK_FOR");
  const form = formSchema.safeParse(input.form);
  if (!form.success) throw new AppError("INVALID_INPUT", { field: "form" });
  const content = {
    form: form.data,
    explanation: (input.explanation ?? "").trim().slice(0, 4000),
    confidential: input.confidential === true,
  };
  if (input.replaces !== undefined)
    return correctPerception(db, member, tableId, input.replaces, { ...content, assessedOn: input.assessedOn }, now);

  const attribution = attributionSchema.safeParse(input.attribution ?? undefined);
  if (!attribution.success) throw new AppError("INVALID_INPUT", { field: "attribution" });
  const phase = await phaseOf(db, tableId, input.phaseId);
  const assessedOn = dayOf(input.assessedOn, now);
  checkAssessedOn(assessedOn, phase, now);
  return db.$transaction(async (tx) => {
    const row = await tx.perception.create({
      data: {
        ...content,
        attribution: attribution.data,
        tableId,
        partyId,
        phaseId: phase.id,
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
        data: { by: member.id, party: partyId, phase: phase.id, perception: row.id, form: content.form, attribution: attribution.data },
      },
      now,
    );
    return { id: row.id, corrected: false };
  });
}

async function correctPerception(
  db: Db,
  member: Awaited<ReturnType<typeof authorizeParticipation>>,
  tableId: string,
  perceptionId: string,
  content: { form: Form; explanation: string; confidential: boolean; assessedOn?: string },
  now: Date,
) {
  const earlier = isUuid(perceptionId) ? await db.perception.findFirst({ where: { id: perceptionId, tableId } }) : null;
  if (!earlier) throw new AppError("NOT_FOUND");
  const verdict = perceptionCorrection(member, earlier, now);
  if (verdict === "forbidden") throw new AppError("FORBIDDEN");
  const phase = await phaseOf(db, tableId, earlier.phaseId);
  const assessedOn = content.assessedOn
    ? dayOf(content.assessedOn, now)
    : verdict === "correct"
      ? earlier.assessedOn
      : dayOf(undefined, now);
  checkAssessedOn(assessedOn, phase, now);
  const { form, explanation, confidential } = content;
  return db.$transaction(async (tx) => {
    if (verdict === "new_assessment") {
      // Too late to change what the table has seen for a day: the correction is a new assessment.
      const row = await tx.perception.create({
        data: {
          tableId,
          partyId: earlier.partyId,
          phaseId: earlier.phaseId,
          form,
          explanation,
          confidential,
          attribution: earlier.attribution,
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
          data: {
            by: member.id,
            party: earlier.partyId,
            phase: earlier.phaseId,
            perception: row.id,
            form,
            attribution: earlier.attribution,
          },
        },
        now,
      );
      return { id: row.id, corrected: false };
    }
    // The author and the attribution stay: a correction changes what was said, not who said it.
    // Only if nobody corrected it since it was read (a second tab, a double submit): otherwise the
    // text in between would be lost from the history.
    const updated = await tx.perception.updateMany({
      where: { id: earlier.id, updatedAt: earlier.updatedAt },
      data: { form, explanation, confidential, assessedOn, updatedAt: now },
    });
    if (updated.count !== 1) throw new AppError("CHANGED_MEANWHILE");
    await tx.perceptionRevision.create({
      data: {
        perceptionId: earlier.id,
        form: earlier.form,
        explanation: earlier.explanation,
        confidential: earlier.confidential,
        assessedOn: earlier.assessedOn,
        writtenAt: earlier.updatedAt,
        replacedAt: now,
      },
    });
    await recordAudit(
      tx,
      {
        action: "participation.perception_corrected",
        tableId,
        data: { by: member.id, party: earlier.partyId, phase: earlier.phaseId, perception: earlier.id, attribution: earlier.attribution },
      },
      now,
    );
    return { id: earlier.id, corrected: true };
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
  const member = await authorizeParticipation(db, accountId, tableId, "participation.agenda.add");
  await partyOf(db, tableId, input.partyId);
  await phaseOf(db, tableId, input.phaseId);
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
