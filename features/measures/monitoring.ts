// The monitoring plan of an adopted measure: indicators (what is measured, from which source,
// against which baseline, reported by which party, how often), review dates and the parties that
// evaluate together. At a review the chair opens it, the evaluating parties assess through their
// own delegates, values are recorded, and the chair records what the table decided.
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { auditActor } from "../facts/records.ts";
import { isUuid } from "../identity/sessions.ts";
import { measurePath } from "../notifications/model.ts";
import { notifyDelegates } from "../notifications/notify.ts";
import { AppError } from "../shared/app-error.ts";
import { isoDate, isoDay } from "../shared/dates.ts";
import { parseInput } from "../shared/validation.ts";
import { SEX_WORKER_PARTY_TYPES } from "../tables/parties.ts";
import { authorizeMeasure, measureActor } from "./access.ts";
import { parseIndicatorValue } from "./indicator-values.ts";
import { indicatorSchema, reviewAssessmentSchema, reviewDateSchema, reviewDecisionSchema } from "./model.ts";
import { decideReviewRefusal, evaluateRefusal, OUTCOME_STATUS, openReviewRefusal, planRefusal, reportRefusal } from "./policy.ts";
import { findMeasure, moveStatus, refuse } from "./records.ts";

async function planner(db: Db, accountId: string, tableId: string, measureId: string) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.plan");
  const measure = await findMeasure(db, tableId, measureId);
  refuse(planRefusal(measureActor(member), measure.status));
  return { member, measure };
}

async function partyOfTable(db: Db, tableId: string, partyId: string, field: string) {
  if (!isUuid(partyId) || !(await db.party.count({ where: { id: partyId, tableId } }))) throw new AppError("NOT_FOUND", { field });
}

export type IndicatorInput = {
  name: string;
  source?: string;
  valueType: string;
  baselineFactId?: string;
  baseline?: string;
  reporterPartyId: string;
  frequency: string;
};

export async function addIndicator(db: Db, accountId: string, tableId: string, measureId: string, input: IndicatorInput, now = new Date()) {
  const { member, measure } = await planner(db, accountId, tableId, measureId);
  const data = parseInput(indicatorSchema, input);
  await partyOfTable(db, tableId, data.reporterPartyId, "reporterPartyId");
  if (data.baselineFactId && !(await db.fact.count({ where: { id: data.baselineFactId, tableId } }))) {
    throw new AppError("IMPACT_EVIDENCE_UNKNOWN", { field: "baselineFactId" });
  }
  let baselineValue: number | null = null;
  if (data.baseline !== "") {
    const parsed = parseIndicatorValue(data.valueType, data.baseline);
    if ("problem" in parsed) throw new AppError(parsed.problem, { field: "baseline" });
    baselineValue = parsed.value;
  }
  return db.$transaction(async (tx) => {
    const indicator = await tx.monitoringIndicator.create({
      data: {
        measureId: measure.id,
        name: data.name,
        source: data.source,
        valueType: data.valueType,
        baselineFactId: data.baselineFactId,
        baselineValue,
        reporterPartyId: data.reporterPartyId,
        frequency: data.frequency,
        createdBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "measure.indicator_added", tableId, data: { ...auditActor(member), measure: measure.id } }, now);
    return indicator;
  });
}

/** Removal is soft: the values recorded so far stay with the measure. */
export async function removeIndicator(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  indicatorId: string,
  now = new Date(),
) {
  const { member, measure } = await planner(db, accountId, tableId, measureId);
  if (!isUuid(indicatorId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const removed = await tx.monitoringIndicator.updateMany({
      where: { id: indicatorId, measureId: measure.id, removedAt: null },
      data: { removedAt: now },
    });
    if (removed.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { action: "measure.plan_changed", tableId, data: { ...auditActor(member), measure: measure.id } }, now);
  });
}

/** The parties that evaluate a measure: those the plan names, and always the table's sex worker parties. */
export async function evaluatingPartyIds(db: Db, tableId: string, measureId: string): Promise<string[]> {
  const named = await db.measureEvaluator.findMany({ where: { measureId }, select: { partyId: true } });
  const sexWorkerParties = await db.party.findMany({ where: { tableId, type: { in: [...SEX_WORKER_PARTY_TYPES] } }, select: { id: true } });
  return [...new Set([...named.map((e) => e.partyId), ...sexWorkerParties.map((p) => p.id)])];
}

/** The parties that evaluate the measure together; the sex worker parties are always among them. */
export async function setEvaluators(db: Db, accountId: string, tableId: string, measureId: string, partyIds: string[], now = new Date()) {
  const { member, measure } = await planner(db, accountId, tableId, measureId);
  const ids = [...new Set(partyIds)];
  for (const id of ids) await partyOfTable(db, tableId, id, "partyIds");
  const sexWorkerParties = await db.party.findMany({ where: { tableId, type: { in: [...SEX_WORKER_PARTY_TYPES] } }, select: { id: true } });
  const all = [...new Set([...ids, ...sexWorkerParties.map((p) => p.id)])];
  await db.$transaction(async (tx) => {
    await tx.measureEvaluator.deleteMany({ where: { measureId: measure.id } });
    await tx.measureEvaluator.createMany({ data: all.map((partyId) => ({ measureId: measure.id, partyId })) });
    await recordAudit(
      tx,
      { action: "measure.plan_changed", tableId, data: { ...auditActor(member), measure: measure.id, count: all.length } },
      now,
    );
  });
}

export async function addReviewDate(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  input: { scheduledFor: string },
  now = new Date(),
) {
  const { member, measure } = await planner(db, accountId, tableId, measureId);
  const data = parseInput(reviewDateSchema, input);
  if (isoDay(data.scheduledFor) <= isoDate(now)) throw new AppError("REVIEW_DATE_PAST", { field: "scheduledFor" });
  return db.$transaction(async (tx) => {
    const review = await tx.measureReview.create({
      data: { measureId: measure.id, scheduledFor: data.scheduledFor, createdBy: member.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, { action: "measure.plan_changed", tableId, data: { ...auditActor(member), measure: measure.id } }, now);
    return review;
  });
}

/** A measured value in the indicator's own type and unit, optionally as part of an open review. */
export async function recordValue(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  input: { indicatorId: string; value: string; measuredOn: string; note?: string; reviewId?: string },
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.report");
  const measure = await findMeasure(db, tableId, measureId);
  if (!isUuid(input.indicatorId)) throw new AppError("NOT_FOUND", { field: "indicatorId" });
  const indicator = await db.monitoringIndicator.findFirst({
    where: { id: input.indicatorId, measureId: measure.id, removedAt: null },
    select: { id: true, valueType: true, reporterPartyId: true },
  });
  if (!indicator) throw new AppError("NOT_FOUND", { field: "indicatorId" });
  refuse(reportRefusal(measureActor(member), indicator, measure.status));
  const parsed = parseIndicatorValue(indicator.valueType, String(input.value ?? ""));
  if ("problem" in parsed) throw new AppError(parsed.problem, { field: "value" });
  const { scheduledFor: measuredOn } = parseInput(
    reviewDateSchema,
    { scheduledFor: input.measuredOn },
    (problem) => new AppError(problem.code, { field: "measuredOn" }),
  );
  if (isoDay(measuredOn) > isoDate(now)) throw new AppError("ASSESSMENT_IN_FUTURE", { field: "measuredOn" });
  const note = String(input.note ?? "").trim();
  if (note.length > 2000) throw new AppError("MEASURE_TEXT_TOO_LONG", { field: "note" });
  let reviewId: string | null = null;
  if (input.reviewId) {
    if (!isUuid(input.reviewId)) throw new AppError("NOT_FOUND", { field: "reviewId" });
    const review = await db.measureReview.findFirst({
      where: { id: input.reviewId, measureId: measure.id },
      select: { id: true, openedAt: true, decidedAt: true },
    });
    if (!review) throw new AppError("NOT_FOUND", { field: "reviewId" });
    if (!review.openedAt || review.decidedAt) throw new AppError("REVIEW_NOT_OPEN");
    reviewId = review.id;
  }
  return db.$transaction(async (tx) => {
    const value = await tx.indicatorValue.create({
      data: { indicatorId: indicator.id, reviewId, measuredOn, value: parsed.value, note, recordedBy: member.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, { action: "measure.value_recorded", tableId, data: { ...auditActor(member), measure: measure.id } }, now);
    return value;
  });
}

async function findReview(db: Db, measureId: string, reviewId: string) {
  if (!isUuid(reviewId)) throw new AppError("NOT_FOUND");
  const review = await db.measureReview.findFirst({
    where: { id: reviewId, measureId },
    select: { id: true, openedAt: true, decidedAt: true },
  });
  if (!review) throw new AppError("NOT_FOUND");
  return review;
}

/** The chair (or the facilitator) opens a scheduled review: the measure is under review until the table decides. */
export async function openReview(db: Db, accountId: string, tableId: string, measureId: string, reviewId: string, now = new Date()) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.moderate");
  const measure = await findMeasure(db, tableId, measureId);
  const review = await findReview(db, measure.id, reviewId);
  refuse(openReviewRefusal(measureActor(member), review, measure.status));
  const evaluators = await evaluatingPartyIds(db, tableId, measure.id);
  await db.$transaction(async (tx) => {
    await moveStatus(tx, measure, measure.status, "under_review", { member }, now);
    const opened = await tx.measureReview.updateMany({
      where: { id: review.id, openedAt: null },
      data: { openedAt: now, openedBy: member.id },
    });
    if (opened.count === 0) throw new AppError("REVIEW_ALREADY_OPEN");
    await recordAudit(tx, { action: "measure.review_opened", tableId, data: { ...auditActor(member), measure: measure.id } }, now);
    await notifyDelegates(tx, tableId, evaluators, "review_opened", measurePath(tableId, measure.id), now);
  });
}

export async function assessReview(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  reviewId: string,
  input: { verdict: string; safety: string; health: string; autonomy: string; reasoning?: string },
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.evaluate");
  const measure = await findMeasure(db, tableId, measureId);
  const review = await findReview(db, measure.id, reviewId);
  const evaluators = await evaluatingPartyIds(db, tableId, measure.id);
  refuse(evaluateRefusal(measureActor(member), review, evaluators));
  const data = parseInput(reviewAssessmentSchema, input);
  const partyId = member.partyId as string;
  return db.$transaction(async (tx) => {
    const assessment = await tx.reviewAssessment.create({
      data: { reviewId: review.id, partyId, ...data, recordedBy: member.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "measure.review_assessed",
        tableId,
        data: { asParty: partyId, recordedBy: member.id, measure: measure.id, verdict: data.verdict },
      },
      now,
    );
    return assessment;
  });
}

/** What the table decided at the review: keep (in force again), change (back to drafting) or withdraw. */
export async function decideReview(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  reviewId: string,
  input: { outcome: string; note: string },
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.moderate");
  const measure = await findMeasure(db, tableId, measureId);
  const review = await findReview(db, measure.id, reviewId);
  refuse(decideReviewRefusal(measureActor(member), review));
  const data = parseInput(reviewDecisionSchema, input);
  await db.$transaction(async (tx) => {
    await moveStatus(tx, measure, "under_review", OUTCOME_STATUS[data.outcome], { member, reason: data.note }, now);
    const decided = await tx.measureReview.updateMany({
      where: { id: review.id, decidedAt: null },
      data: { outcome: data.outcome, outcomeNote: data.note, decidedAt: now, decidedBy: member.id },
    });
    if (decided.count === 0) throw new AppError("CHANGED_MEANWHILE");
    await recordAudit(
      tx,
      { action: "measure.review_decided", tableId, data: { ...auditActor(member), measure: measure.id, outcome: data.outcome } },
      now,
    );
  });
}
