"use server";
import {
  addClaim,
  adjustEntry,
  approveEntry,
  confirmEntry,
  disputeEntry,
  markPaid,
  proposeFromAttendance,
  reverseEntry,
  setCompensationPolicy,
} from "../../features/compensation/commands.ts";
import { deleteOwnVault, saveOwnVault } from "../../features/compensation/vault.ts";
import { getDb } from "../../prisma/db.ts";
import { act, withoutData } from "../_server/act.ts";
import type { ActionResult } from "../_server/action-result.ts";

type Form = FormData;
const text = (form: Form, name: string) => String(form.get(name) ?? "");
const optional = (form: Form, name: string) => text(form, name) || undefined;

async function run(form: Form, work: (accountId: string, tableId: string) => Promise<unknown>): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return withoutData(await act(`/tables/${tableId}/compensation`, (accountId) => work(accountId, tableId)));
}

export async function setPolicyAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const fields = [
    "validFrom",
    "hourRate",
    "sessionRate",
    "reviewRate",
    "draftRate",
    "kmRate",
    "timeCap",
    "workCap",
    "travelCap",
    "mealCap",
    "otherCap",
    "budget",
    "budgetSource",
  ];
  const input: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, text(form, f)]));
  input.showPartyTotals = form.get("showPartyTotals") === "on";
  return run(form, (id, tableId) => setCompensationPolicy(getDb(), id, tableId, input));
}

export async function proposeAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => proposeFromAttendance(getDb(), id, tableId, text(form, "meetingId")));
}

export async function claimAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const input = {
    category: text(form, "category"),
    unit: text(form, "unit"),
    quantity: optional(form, "quantity"),
    amount: optional(form, "amount"),
    meetingId: text(form, "meetingId") || null,
    description: text(form, "description"),
    payoutRoute: text(form, "payoutRoute") || undefined,
  };
  return run(form, (id, tableId) => addClaim(getDb(), id, tableId, input));
}

export async function confirmAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const route = text(form, "payoutRoute");
  return run(form, (id, tableId) =>
    confirmEntry(getDb(), id, tableId, text(form, "entryId"), route === "person" || route === "organisation" ? route : undefined),
  );
}

export async function adjustAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const input = { quantity: optional(form, "quantity"), amount: optional(form, "amount"), note: text(form, "note") };
  return run(form, (id, tableId) => adjustEntry(getDb(), id, tableId, text(form, "entryId"), input));
}

export async function disputeAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => disputeEntry(getDb(), id, tableId, text(form, "entryId"), { note: text(form, "note") }));
}

export async function approveAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => approveEntry(getDb(), id, tableId, text(form, "entryId")));
}

export async function payAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => markPaid(getDb(), id, tableId, text(form, "entryId")));
}

export async function reverseAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => reverseEntry(getDb(), id, tableId, text(form, "entryId"), text(form, "note")));
}

export async function saveVaultAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  const input = { legal_name: text(form, "legal_name"), address: text(form, "address"), iban: text(form, "iban") };
  return run(form, (id, tableId) => saveOwnVault(getDb(), id, tableId, input));
}

export async function deleteVaultAction(_previous: ActionResult | null, form: Form): Promise<ActionResult> {
  return run(form, (id, tableId) => deleteOwnVault(getDb(), id, tableId));
}
