"use server";
import { redirect } from "next/navigation";
import { changeRole, createInvitation, createTable, revokeInvitation } from "../../features/tables/commands.ts";
import type { Role } from "../../features/tables/model.ts";
import { getDb } from "../../prisma/db.ts";
import { act, actForForm, signedInAccountId } from "../_server/act.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";

export async function createTableAction(_previous: ActionResult<{ id: string }> | null, form: FormData) {
  const id = await signedInAccountId();
  const result = await runAction(() => createTable(getDb(), id, { title: form.get("title") }));
  if (result.ok) redirect(`/tables/${result.data.id}`);
  return result;
}

export async function createInvitationAction(
  _previous: ActionResult<{ token: string; role: Role; expiresAt: string }> | null,
  form: FormData,
) {
  const tableId = String(form.get("tableId") ?? "");
  return act(`/tables/${tableId}`, async (id) => {
    const invitation = await createInvitation(getDb(), id, {
      tableId,
      role: form.get("role"),
      validDays: form.get("validDays"),
      partyId: String(form.get("partyId") ?? ""),
    });
    return { token: invitation.token, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
  });
}

export async function revokeInvitationAction(tableId: string, invitationId: string) {
  return actForForm(`/tables/${tableId}`, (id) => revokeInvitation(getDb(), id, { tableId, invitationId }));
}

export async function changeRoleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = String(form.get("tableId") ?? "");
  return actForForm(`/tables/${tableId}`, (id) =>
    changeRole(getDb(), id, {
      tableId,
      membershipId: String(form.get("membershipId") ?? ""),
      role: String(form.get("role") ?? "") as Role,
      reason: String(form.get("reason") ?? "").trim() || undefined,
      // Absent when the table has no parties to choose from: the party stays as it is.
      partyId: form.has("partyId") ? String(form.get("partyId")) : undefined,
    }),
  );
}
