"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeRole, createInvitation, createTable, revokeInvitation } from "../../features/tables/commands.ts";
import type { Role } from "../../features/tables/model.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession } from "../_server/session.ts";

async function accountId(): Promise<string> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return session.accountId;
}

export async function createTableAction(_previous: ActionResult<{ id: string }> | null, form: FormData) {
  const id = await accountId();
  const result = await runAction(() => createTable(getDb(), id, { title: form.get("title") }));
  if (result.ok) redirect(`/tables/${result.data.id}`);
  return result;
}

export async function createInvitationAction(
  _previous: ActionResult<{ token: string; role: Role; expiresAt: string }> | null,
  form: FormData,
) {
  const id = await accountId();
  const tableId = String(form.get("tableId") ?? "");
  const result = await runAction(async () => {
    const invitation = await createInvitation(getDb(), id, {
      tableId,
      role: form.get("role"),
      validDays: form.get("validDays"),
      partyId: String(form.get("partyId") ?? ""),
    });
    return { token: invitation.token, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
  });
  if (result.ok) revalidatePath(`/tables/${tableId}`, "layout");
  return result;
}

export async function revokeInvitationAction(tableId: string, invitationId: string) {
  const id = await accountId();
  const result = await runAction(() => revokeInvitation(getDb(), id, { tableId, invitationId }));
  if (result.ok) revalidatePath(`/tables/${tableId}`, "layout");
  return result;
}

export async function changeRoleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = await accountId();
  const tableId = String(form.get("tableId") ?? "");
  const result = await runAction(async () => {
    await changeRole(getDb(), id, {
      tableId,
      membershipId: String(form.get("membershipId") ?? ""),
      role: String(form.get("role") ?? "") as Role,
      reason: String(form.get("reason") ?? "").trim() || undefined,
      // Absent when the table has no parties to choose from: the party stays as it is.
      partyId: form.has("partyId") ? String(form.get("partyId")) : undefined,
    });
    return null;
  });
  if (result.ok) revalidatePath(`/tables/${tableId}`, "layout");
  return result;
}
