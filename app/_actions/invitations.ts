"use server";
import { redirect } from "next/navigation";
import { acceptInvitation } from "../../features/tables/commands.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { declarationFromForm } from "../_server/chair-declaration.ts";
import { currentSession } from "../_server/session.ts";

export async function acceptInvitationAction(_previous: ActionResult<{ tableId: string }> | null, form: FormData) {
  const session = await currentSession();
  const token = String(form.get("token") ?? "");
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const result = await runAction(async () => ({
    tableId: (await acceptInvitation(getDb(), session.accountId, { token, declaration: declarationFromForm(form) })).tableId,
  }));
  if (result.ok) redirect(`/tables/${result.data.tableId}`);
  return result;
}
