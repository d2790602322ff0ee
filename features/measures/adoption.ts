// The responsible body's decision on a proposed measure, recorded by one of its officials (a
// delegate of a municipality department or council party) or by the facilitator, with the body's
// reference and date. It adopts the measure's latest frozen version and is immutable: a trigger
// refuses UPDATE and DELETE.
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { auditActor } from "../facts/records.ts";
import { AppError } from "../shared/app-error.ts";
import { isoDate, isoDay } from "../shared/dates.ts";
import { parseInput } from "../shared/validation.ts";
import { authorizeMeasure, measureActor } from "./access.ts";
import { adoptionSchema } from "./model.ts";
import { transitionRefusal } from "./policy.ts";
import { findMeasure, latestVersion, moveStatus, refuse } from "./records.ts";

export type AdoptionInput = { body: string; reference: string; decidedOn: string; effectiveOn?: string };

export async function recordAdoption(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  input: AdoptionInput,
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.adopt");
  const measure = await findMeasure(db, tableId, measureId);
  refuse(
    transitionRefusal(measureActor(member), measure.status, "adopted", "adoption", { checkComplete: true, override: false, reason: "" }),
  );
  const data = parseInput(adoptionSchema, input);
  if (isoDay(data.decidedOn) > isoDate(now)) throw new AppError("ADOPTION_IN_FUTURE", { field: "decidedOn" });
  const version = await latestVersion(db, tableId, measure.id);
  if (!version) throw new AppError("MEASURE_NO_VERSION");
  return db.$transaction(async (tx) => {
    await moveStatus(tx, measure, "proposed", "adopted", { member }, now);
    const adoption = await tx.measureAdoption.create({
      data: {
        measureId: measure.id,
        versionId: version.id,
        body: data.body,
        reference: data.reference,
        decidedOn: data.decidedOn,
        effectiveOn: data.effectiveOn ?? null,
        recordedBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "measure.adopted",
        tableId,
        data: { ...auditActor(member), measure: measure.id, version: version.number, reference: data.reference },
      },
      now,
    );
    return adoption;
  });
}
