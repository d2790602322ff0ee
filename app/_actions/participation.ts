"use server";
import { createActivity } from "../../features/participation/activities.ts";
import { addGapToNextMeeting, recordPerception, setIntendedForm } from "../../features/participation/commands.ts";
import { type Answer, answerCondition, type ConditionItem } from "../../features/participation/conditions.ts";
import type { Form } from "../../features/participation/model.ts";
import { getDb } from "../../prisma/db.ts";
import { actForForm } from "../_server/act.ts";
import type { ActionResult } from "../_server/action-result.ts";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

const act = (tableId: string, work: (accountId: string) => Promise<unknown>): Promise<ActionResult> =>
  actForForm(`/tables/${tableId}/participation`, work);

export async function setIntendedAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    setIntendedForm(getDb(), id, tableId, {
      partyId: text(form, "partyId"),
      phaseId: text(form, "phaseId"),
      form: text(form, "form"),
      rationale: text(form, "rationale"),
    }),
  );
}

export async function recordPerceptionAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    // The party is the delegate's own, taken from their membership: no form field names it.
    recordPerception(getDb(), id, tableId, {
      phaseId: text(form, "phaseId"),
      form: text(form, "form"),
      explanation: text(form, "explanation"),
      attribution: text(form, "attribution") || undefined,
      confidential: form.get("confidential") === "on",
      assessedOn: text(form, "assessedOn"),
      replaces: text(form, "replaces") || undefined,
    }),
  );
}

export async function addGapAction(tableId: string, partyId: string, phaseId: string) {
  return act(tableId, (id) => addGapToNextMeeting(getDb(), id, tableId, { partyId, phaseId }));
}

export async function answerConditionAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    // Whose answer it is (the delegate's party, or the process owner's role) comes from the membership.
    answerCondition(getDb(), id, tableId, {
      phaseId: text(form, "phaseId"),
      item: text(form, "item") as ConditionItem,
      answer: text(form, "answer") as Answer,
      evidence: text(form, "evidence"),
      attribution: (text(form, "attribution") || undefined) as "organisation" | undefined,
    }),
  );
}

export async function createActivityAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    createActivity(getDb(), id, tableId, {
      phaseId: text(form, "phaseId"),
      title: text(form, "title"),
      form: text(form, "form") as Form,
      ownerPartyId: text(form, "ownerPartyId"),
      guestPartyIds: form.getAll("guestPartyIds").map(String),
    }),
  );
}
