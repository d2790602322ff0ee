// Activities inside a phase, each with its own form and an owning party (guests join by invitation).
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorize } from "../tables/queries.ts";
import { authorizeParticipation } from "./access.ts";
import { formSchema } from "./model.ts";

const activitySchema = z.object({
  phaseId: z.string().uuid(),
  title: z.string().trim().min(3, { message: "ACTIVITY_TITLE_INVALID" }).max(200, { message: "ACTIVITY_TITLE_INVALID" }),
  form: formSchema,
  ownerPartyId: z.string().uuid(),
  guestPartyIds: z.array(z.string().uuid()).max(20).default([]),
});

export async function createActivity(db: Db, accountId: string, tableId: string, input: z.input<typeof activitySchema>, now = new Date()) {
  const member = await authorizeParticipation(db, accountId, tableId, "participation.intended.set");
  const data = parseInput(activitySchema, input);
  const partyIds = [data.ownerPartyId, ...data.guestPartyIds];
  const found = await db.party.count({ where: { tableId, id: { in: partyIds } } });
  const phase = await db.phase.findFirst({ where: { id: data.phaseId, tableId }, select: { id: true } });
  if (found !== new Set(partyIds).size || !phase) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const row = await tx.participationActivity.create({
      data: {
        tableId,
        phaseId: data.phaseId,
        title: data.title,
        form: data.form,
        ownerPartyId: data.ownerPartyId,
        guestPartyIds: data.guestPartyIds.filter((id) => id !== data.ownerPartyId),
        createdBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "participation.activity_created", tableId, data: { by: member.id, activity: row.id, form: data.form } },
      now,
    );
    return row;
  });
}

export async function activitiesOf(db: Db, accountId: string, tableId: string) {
  await authorize(db, accountId, tableId, "table.view");
  return db.participationActivity.findMany({ where: { tableId }, orderBy: { createdAt: "asc" } });
}
