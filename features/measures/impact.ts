// The joint impact check: on a frozen version of a measure, each counted party (one with an active
// delegate when the check opened) assesses every dimension, or declines with its reason, through
// its own delegates. The latest response per party counts; earlier ones stay as history. The table
// answers expected negative effects with mitigations, linked to the check.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { countedParties } from "../decisions/counted-parties.ts";
import { auditActor } from "../facts/records.ts";
import { isUuid } from "../identity/sessions.ts";
import { measurePath } from "../notifications/model.ts";
import { notifyDelegates } from "../notifications/notify.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorizeMeasure, measureActor } from "./access.ts";
import { type ImpactResponseInput, impactResponseSchema, mitigationSchema } from "./model.ts";
import { assessRefusal, checkCompleteness, mitigationRefusal, transitionRefusal } from "./policy.ts";
import { findMeasure, latestVersion, moveStatus, refuse } from "./records.ts";

type Tx = Prisma.TransactionClient;

/** The chair (or the facilitator) opens the check on the measure's latest frozen version. */
export async function openImpactCheck(db: Db, accountId: string, tableId: string, measureId: string, now = new Date()) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.moderate");
  const measure = await findMeasure(db, tableId, measureId);
  refuse(
    transitionRefusal(measureActor(member), measure.status, "impact_check", "check", { checkComplete: false, override: false, reason: "" }),
  );
  const version = await latestVersion(db, tableId, measure.id);
  if (!version) throw new AppError("MEASURE_NO_VERSION");
  if (await db.impactCheck.count({ where: { versionId: version.id } })) throw new AppError("VERSION_UNCHANGED", { number: version.number });
  return db.$transaction(async (tx) => {
    const counted = await countedParties(tx, tableId);
    if (counted.length === 0) throw new AppError("ROUND_TOO_FEW_PARTIES");
    await moveStatus(tx, measure, measure.status, "impact_check", { member }, now);
    const check = await tx.impactCheck.create({
      data: {
        measureId: measure.id,
        versionId: version.id,
        openedBy: member.id,
        openedAt: now,
        parties: {
          create: counted.map((party, position) => ({ partyId: party.id, partyType: party.type, partyName: party.name, position })),
        },
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "measure.check_opened",
        tableId,
        data: { ...auditActor(member), measure: measure.id, check: check.id, version: version.number },
      },
      now,
    );
    await notifyDelegates(tx, tableId, counted, "check_opened", measurePath(tableId, measure.id), now);
    return check;
  });
}

type LatestResponse = { id: string; partyId: string; declined: boolean; createdAt: Date };

/** The latest response per party, from responses in any order. */
export function latestResponses<T extends LatestResponse>(responses: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const response of responses) {
    const known = latest.get(response.partyId);
    if (
      !known ||
      known.createdAt < response.createdAt ||
      (known.createdAt.getTime() === response.createdAt.getTime() && known.id < response.id)
    ) {
      latest.set(response.partyId, response);
    }
  }
  return latest;
}

/** The measure's most recent check with its counted parties and completeness, or null before the first. For authorised callers. */
export async function latestCheck(db: Db | Tx, measureId: string) {
  const check = await db.impactCheck.findFirst({
    where: { measureId },
    orderBy: { openedAt: "desc" },
    select: {
      id: true,
      versionId: true,
      closedAt: true,
      parties: { orderBy: { position: "asc" }, select: { partyId: true } },
      responses: { select: { id: true, partyId: true, declined: true, createdAt: true } },
    },
  });
  if (!check) return null;
  const counted = check.parties.map((p) => p.partyId);
  return {
    id: check.id,
    versionId: check.versionId,
    closedAt: check.closedAt,
    countedPartyIds: counted,
    completeness: checkCompleteness(counted, latestResponses(check.responses)),
  };
}

/** A delegate answers the open check for their own party (from the membership, never from the form). */
export async function respondToCheck(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  input: ImpactResponseInput,
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.assess");
  const measure = await findMeasure(db, tableId, measureId);
  const check = await latestCheck(db, measure.id);
  refuse(assessRefusal(measureActor(member), check, measure.status));
  const data = parseInput(impactResponseSchema, input);
  const evidence = data.declined ? [] : [...new Set(data.assessments.flatMap((a) => a.factIds))];
  if (evidence.length > 0 && (await db.fact.count({ where: { id: { in: evidence }, tableId } })) !== evidence.length) {
    throw new AppError("IMPACT_EVIDENCE_UNKNOWN", { field: "assessments" });
  }
  const partyId = member.partyId as string;
  const checkId = (check as NonNullable<typeof check>).id;
  return db.$transaction(async (tx) => {
    // Holds the check while the answer goes in, so the measure cannot be proposed past it.
    const open = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ImpactCheck" WHERE id = ${checkId}::uuid AND "closedAt" IS NULL FOR UPDATE`;
    if (open.length === 0) throw new AppError("IMPACT_CHECK_CLOSED");
    const earlier = await tx.impactResponse.count({ where: { checkId, partyId } });
    const response = await tx.impactResponse.create({
      data: {
        checkId,
        partyId,
        declined: data.declined,
        declineReason: data.declined ? data.declineReason : "",
        recordedBy: member.id,
        createdAt: now,
        assessments: data.declined
          ? undefined
          : {
              create: data.assessments.map((a) => ({
                dimension: a.dimension,
                effect: a.effect,
                forWhom: a.forWhom,
                reasoning: a.reasoning,
                factIds: [...new Set(a.factIds)],
              })),
            },
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "measure.check_answered",
        tableId,
        // The party speaks: the log names the party, never the delegate who answered for it.
        data: {
          asParty: partyId,
          recordedBy: member.id,
          measure: measure.id,
          check: checkId,
          declined: data.declined,
          changed: earlier > 0,
        },
      },
      now,
    );
    return response;
  });
}

/** The process roles record a mitigation the table agreed, against one dimension of a check. */
export async function recordMitigation(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  input: { checkId: string; kind: string; dimension: string; text: string },
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.mitigate");
  const measure = await findMeasure(db, tableId, measureId);
  refuse(mitigationRefusal(measureActor(member), measure.status));
  const data = parseInput(mitigationSchema, input);
  const check = await db.impactCheck.findFirst({ where: { id: data.checkId, measureId: measure.id }, select: { id: true } });
  if (!check) throw new AppError("NOT_FOUND", { field: "checkId" });
  return db.$transaction(async (tx) => {
    const mitigation = await tx.mitigation.create({
      data: {
        measureId: measure.id,
        checkId: check.id,
        kind: data.kind,
        dimension: data.dimension,
        text: data.text,
        recordedBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "measure.mitigation_recorded", tableId, data: { ...auditActor(member), measure: measure.id, kind: data.kind } },
      now,
    );
    return mitigation;
  });
}

/** Removal is soft: the mitigation stays in the timeline, marked as removed. */
export async function removeMitigation(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  mitigationId: string,
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.mitigate");
  const measure = await findMeasure(db, tableId, measureId);
  refuse(mitigationRefusal(measureActor(member), measure.status));
  if (!isUuid(mitigationId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const removed = await tx.mitigation.updateMany({
      where: { id: mitigationId, measureId: measure.id, removedAt: null },
      data: { removedAt: now, removedBy: member.id },
    });
    if (removed.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { action: "measure.mitigation_removed", tableId, data: { ...auditActor(member), measure: measure.id } }, now);
  });
}
