"use server";
import { redirect } from "next/navigation";
import {
  addAgendaItem,
  answerPoll,
  chooseSlot,
  moveAgendaItem,
  proposePoll,
  removeAgendaItem,
  replyToMeeting,
  scheduleMeeting,
  updateMeeting,
} from "../../features/meetings/commands.ts";
import { getDb } from "../../prisma/db.ts";
import { act, withoutData } from "../_server/act.ts";
import type { ActionResult } from "../_server/action-result.ts";

type Form = FormData;
const text = (form: Form, name: string) => String(form.get(name) ?? "");
const orNull = (value: string) => value || null;

async function run<T>(form: Form, work: (accountId: string, tableId: string) => Promise<T>): Promise<ActionResult<T>> {
  const tableId = text(form, "tableId");
  return act(`/tables/${tableId}/meetings`, (accountId) => work(accountId, tableId), { layout: true });
}

/** The details of a meeting form, by field name. */
function details(form: Form) {
  return {
    title: text(form, "title"),
    address: text(form, "address"),
    onlineLink: text(form, "onlineLink"),
    languages: text(form, "languages")
      .split(",")
      .map((code) => code.trim())
      .filter(Boolean),
    interpretation: text(form, "interpretation"),
    accessibilityNotes: text(form, "accessibilityNotes"),
    safetyNotes: text(form, "safetyNotes"),
    compensatesTravel: form.get("compensatesTravel") === "on",
    compensatesMeals: form.get("compensatesMeals") === "on",
  };
}

export async function proposePollAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const starts = form.getAll("slotStart").map(String);
  const ends = form.getAll("slotEnd").map(String);
  // Empty rows of the form are left out; a row with only one half filled in is an error.
  const slots = starts.map((startsAt, i) => ({ startsAt, endsAt: ends[i] ?? "" })).filter((slot) => slot.startsAt || slot.endsAt);
  return run(form, (id, tableId) =>
    proposePoll(getDb(), id, tableId, { title: text(form, "title"), note: text(form, "note"), slots }).then(() => null),
  );
}

export async function answerPollAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const answers: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (name.startsWith("slot:")) answers[name.slice(5)] = String(value);
  return run(form, (id, tableId) => answerPoll(getDb(), id, tableId, text(form, "pollId"), answers).then(() => null));
}

export async function chooseSlotAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const result = await run(form, (id, tableId) => chooseSlot(getDb(), id, tableId, text(form, "pollId"), text(form, "slotId")));
  if (result.ok) redirect(`/tables/${text(form, "tableId")}/meetings/${result.data.id}`);
  return withoutData(result);
}

export async function scheduleMeetingAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const result = await run(form, (id, tableId) =>
    scheduleMeeting(getDb(), id, tableId, { ...details(form), startsAt: text(form, "startsAt"), endsAt: text(form, "endsAt") }),
  );
  if (result.ok) redirect(`/tables/${text(form, "tableId")}/meetings/${result.data.id}`);
  return withoutData(result);
}

export async function updateMeetingAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => updateMeeting(getDb(), id, tableId, text(form, "meetingId"), details(form)).then(() => null));
}

export async function replyAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) =>
    replyToMeeting(getDb(), id, tableId, text(form, "meetingId"), text(form, "attending") === "yes").then(() => null),
  );
}

export async function addAgendaItemAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) =>
    addAgendaItem(getDb(), id, tableId, text(form, "meetingId"), {
      title: text(form, "title"),
      purpose: text(form, "purpose"),
      timeboxMinutes: text(form, "timeboxMinutes"),
      nextMeetingItemId: orNull(text(form, "nextMeetingItemId")),
      factId: orNull(text(form, "factId")),
    }).then(() => null),
  );
}

export async function moveAgendaItemAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const direction = text(form, "direction") === "up" ? "up" : "down";
  return run(form, (id, tableId) => moveAgendaItem(getDb(), id, tableId, text(form, "itemId"), direction).then(() => null));
}

export async function removeAgendaItemAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => removeAgendaItem(getDb(), id, tableId, text(form, "itemId")).then(() => null));
}
