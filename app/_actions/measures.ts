"use server";
import { redirect } from "next/navigation";
import { freezeVersion } from "../../features/docs/versions.ts";
import { recordAdoption } from "../../features/measures/adoption.ts";
import { changeMeasureStatus, createMeasure, editMeasure } from "../../features/measures/commands.ts";
import { openImpactCheck, recordMitigation, removeMitigation, respondToCheck } from "../../features/measures/impact.ts";
import { IMPACT_DIMENSIONS } from "../../features/measures/model.ts";
import {
  addIndicator,
  addReviewDate,
  assessReview,
  decideReview,
  openReview,
  recordValue,
  removeIndicator,
  setEvaluators,
} from "../../features/measures/monitoring.ts";
import { getDb } from "../../prisma/db.ts";
import { act, withoutData } from "../_server/act.ts";
import type { ActionResult } from "../_server/action-result.ts";

type Form = FormData;
const text = (form: Form, name: string) => String(form.get(name) ?? "");
const ids = (form: Form, name: string) => form.getAll(name).map(String).filter(Boolean);

/** Runs the work for the measure the form names and refreshes its page. */
async function run(form: Form, work: (accountId: string, tableId: string, measureId: string) => Promise<unknown>): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  const measureId = text(form, "measureId");
  return withoutData(await act(`/tables/${tableId}/measures/${measureId}`, (accountId) => work(accountId, tableId, measureId)));
}

function measureInput(form: Form) {
  return {
    title: text(form, "title"),
    kind: text(form, "kind"),
    purpose: text(form, "purpose"),
    responsibleBody: text(form, "responsibleBody"),
    domain: text(form, "domain"),
    problemVersionId: text(form, "problemVersionId"),
    factIds: ids(form, "factIds"),
  };
}

export async function createMeasureAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  const result = await act(`/tables/${tableId}/measures`, (accountId) => createMeasure(getDb(), accountId, tableId, measureInput(form)));
  if (result.ok) redirect(`/tables/${tableId}/measures/${result.data.id}`);
  return withoutData(result);
}

export async function editMeasureAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) => editMeasure(getDb(), accountId, tableId, measureId, measureInput(form)));
}

export async function freezeMeasureAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) => freezeVersion(getDb(), accountId, { kind: "measure", tableId, measureId }));
}

export async function changeStatusAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    changeMeasureStatus(getDb(), accountId, tableId, measureId, {
      to: text(form, "to"),
      reason: text(form, "reason"),
      override: form.get("override") === "on",
    }),
  );
}

export async function openCheckAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) => openImpactCheck(getDb(), accountId, tableId, measureId));
}

/** The party answered for comes from the membership; the form holds only the assessments. */
export async function respondToCheckAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const declined = form.get("declined") === "on";
  const input = declined
    ? { declined: true as const, declineReason: text(form, "declineReason") }
    : {
        declined: false as const,
        assessments: IMPACT_DIMENSIONS.map((dimension) => ({
          dimension,
          effect: text(form, `${dimension}.effect`),
          forWhom: text(form, `${dimension}.forWhom`),
          reasoning: text(form, `${dimension}.reasoning`),
          factIds: ids(form, `${dimension}.factIds`),
        })),
      };
  return run(form, (accountId, tableId, measureId) => respondToCheck(getDb(), accountId, tableId, measureId, input));
}

export async function recordMitigationAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    recordMitigation(getDb(), accountId, tableId, measureId, {
      checkId: text(form, "checkId"),
      kind: text(form, "kind"),
      dimension: text(form, "dimension"),
      text: text(form, "text"),
    }),
  );
}

export async function removeMitigationAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) => removeMitigation(getDb(), accountId, tableId, measureId, text(form, "mitigationId")));
}

export async function recordAdoptionAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    recordAdoption(getDb(), accountId, tableId, measureId, {
      body: text(form, "body"),
      reference: text(form, "reference"),
      decidedOn: text(form, "decidedOn"),
      effectiveOn: text(form, "effectiveOn"),
    }),
  );
}

export async function addIndicatorAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    addIndicator(getDb(), accountId, tableId, measureId, {
      name: text(form, "name"),
      source: text(form, "source"),
      valueType: text(form, "valueType"),
      baselineFactId: text(form, "baselineFactId"),
      baseline: text(form, "baseline"),
      reporterPartyId: text(form, "reporterPartyId"),
      frequency: text(form, "frequency"),
    }),
  );
}

export async function removeIndicatorAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) => removeIndicator(getDb(), accountId, tableId, measureId, text(form, "indicatorId")));
}

export async function setEvaluatorsAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) => setEvaluators(getDb(), accountId, tableId, measureId, ids(form, "partyIds")));
}

export async function addReviewDateAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    addReviewDate(getDb(), accountId, tableId, measureId, { scheduledFor: text(form, "scheduledFor") }),
  );
}

export async function recordValueAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    recordValue(getDb(), accountId, tableId, measureId, {
      indicatorId: text(form, "indicatorId"),
      value: text(form, "value"),
      measuredOn: text(form, "measuredOn"),
      note: text(form, "note"),
      reviewId: text(form, "reviewId") || undefined,
    }),
  );
}

export async function openReviewAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) => openReview(getDb(), accountId, tableId, measureId, text(form, "reviewId")));
}

export async function assessReviewAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    assessReview(getDb(), accountId, tableId, measureId, text(form, "reviewId"), {
      verdict: text(form, "verdict"),
      safety: text(form, "safety"),
      health: text(form, "health"),
      autonomy: text(form, "autonomy"),
      reasoning: text(form, "reasoning"),
    }),
  );
}

export async function decideReviewAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (accountId, tableId, measureId) =>
    decideReview(getDb(), accountId, tableId, measureId, text(form, "reviewId"), {
      outcome: text(form, "outcome"),
      note: text(form, "note"),
    }),
  );
}
