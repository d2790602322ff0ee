"use server";
import { redirect } from "next/navigation";
import { leaveTable, readmitMember, removeMember, setPartyContact, vouchForMember } from "../../features/tables/members.ts";
import { getDb } from "../../prisma/db.ts";
import { actForForm, signedInAccountId } from "../_server/act.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";

export async function leaveTableAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = await signedInAccountId();
  const result = await runAction(() => leaveTable(getDb(), id, String(form.get("tableId") ?? "")).then(() => null));
  if (result.ok) redirect("/?left=1");
  return result;
}

export async function removeMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = String(form.get("tableId") ?? "");
  return actForForm(`/tables/${tableId}`, (id) =>
    removeMember(getDb(), id, { tableId, membershipId: String(form.get("membershipId") ?? "") }),
  );
}

export async function readmitMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = String(form.get("tableId") ?? "");
  return actForForm(`/tables/${tableId}`, (id) =>
    readmitMember(getDb(), id, { tableId, membershipId: String(form.get("membershipId") ?? "") }),
  );
}

export async function setPartyContactAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = String(form.get("tableId") ?? "");
  return actForForm(`/tables/${tableId}`, (id) =>
    setPartyContact(getDb(), id, {
      tableId,
      membershipId: String(form.get("membershipId") ?? ""),
      contact: form.get("contact") === "on",
    }),
  );
}

export async function vouchForMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = String(form.get("tableId") ?? "");
  return actForForm(`/tables/${tableId}`, (id) =>
    vouchForMember(getDb(), id, { tableId, membershipId: String(form.get("membershipId") ?? "") }),
  );
}
