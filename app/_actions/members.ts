"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { leaveTable, readmitMember, removeMember, setPartyContact, vouchForMember } from "../../features/tables/members.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession } from "../_server/session.ts";

async function accountId(): Promise<string> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return session.accountId;
}

export async function leaveTableAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = await accountId();
  const result = await runAction(() => leaveTable(getDb(), id, String(form.get("tableId") ?? "")).then(() => null));
  if (result.ok) redirect("/?left=1");
  return result;
}

export async function removeMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = await accountId();
  const tableId = String(form.get("tableId") ?? "");
  const result = await runAction(() =>
    removeMember(getDb(), id, { tableId, membershipId: String(form.get("membershipId") ?? "") }).then(() => null),
  );
  if (result.ok) revalidatePath(`/tables/${tableId}`, "layout");
  return result;
}

export async function readmitMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = await accountId();
  const tableId = String(form.get("tableId") ?? "");
  const result = await runAction(() =>
    readmitMember(getDb(), id, { tableId, membershipId: String(form.get("membershipId") ?? "") }).then(() => null),
  );
  if (result.ok) revalidatePath(`/tables/${tableId}`, "layout");
  return result;
}

export async function setPartyContactAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = await accountId();
  const tableId = String(form.get("tableId") ?? "");
  const result = await runAction(() =>
    setPartyContact(getDb(), id, {
      tableId,
      membershipId: String(form.get("membershipId") ?? ""),
      contact: form.get("contact") === "on",
    }).then(() => null),
  );
  if (result.ok) revalidatePath(`/tables/${tableId}`, "layout");
  return result;
}

export async function vouchForMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = await accountId();
  const tableId = String(form.get("tableId") ?? "");
  const result = await runAction(() =>
    vouchForMember(getDb(), id, { tableId, membershipId: String(form.get("membershipId") ?? "") }).then(() => null),
  );
  if (result.ok) revalidatePath(`/tables/${tableId}`, "layout");
  return result;
}
