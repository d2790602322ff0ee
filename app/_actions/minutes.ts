"use server";
import { closeRound } from "../../features/decisions/rounds.ts";
import { addFollowUpAction, changeActionStatus } from "../../features/meetings/actions.ts";
import { answerMinutes, circulateMinutes, freezeMinutes } from "../../features/meetings/minutes.ts";
import { getDb } from "../../prisma/db.ts";
import { actForForm } from "../_server/act.ts";
import type { ActionResult } from "../_server/action-result.ts";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Minutes and actions show on the table's meeting pages and its actions list: refresh them all. */
function run(form: FormData, work: (accountId: string, tableId: string, meetingId: string) => Promise<unknown>): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  const meetingId = text(form, "meetingId");
  return actForForm(`/tables/${tableId}`, (accountId) => work(accountId, tableId, meetingId), { layout: true });
}

export async function freezeMinutesAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(form, (accountId, tableId, meetingId) => freezeMinutes(getDb(), accountId, tableId, meetingId));
}

export async function circulateMinutesAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(form, (accountId, tableId, meetingId) =>
    circulateMinutes(getDb(), accountId, tableId, meetingId, { versionId: text(form, "versionId"), deadline: text(form, "deadline") }),
  );
}

/** The party answered for comes from the membership; the form names only the round. */
export async function answerMinutesAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(form, (accountId, tableId, meetingId) =>
    answerMinutes(getDb(), accountId, tableId, meetingId, text(form, "roundId"), {
      answer: text(form, "answer"),
      reason: text(form, "reason"),
    }),
  );
}

export async function closeMinutesRoundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(form, (accountId, tableId) => closeRound(getDb(), accountId, tableId, text(form, "roundId")));
}

export async function addFollowUpActionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(form, (accountId, tableId) =>
    addFollowUpAction(getDb(), accountId, tableId, text(form, "decisionId"), {
      text: text(form, "text"),
      ownerPartyId: text(form, "ownerPartyId"),
      dueDate: text(form, "dueDate"),
    }),
  );
}

export async function changeActionStatusAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(form, (accountId, tableId) =>
    changeActionStatus(getDb(), accountId, tableId, text(form, "actionId"), { status: text(form, "status"), note: text(form, "note") }),
  );
}
