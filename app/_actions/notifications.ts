"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { markAllRead, markRead } from "../../features/notifications/queries.ts";
import { getDb } from "../../prisma/db.ts";
import { signedInAccountId } from "../_server/act.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { safeReturnPath } from "../_server/return-path.ts";

/** Following a notification marks it read, then goes to its page (only ever a page of Tafel). */
export async function openNotificationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const accountId = await signedInAccountId();
  const result = await runAction(() => markRead(getDb(), accountId, String(form.get("notificationId") ?? ""), new Date()));
  if (!result.ok) return result;
  // The bell in the header counts one fewer on every page.
  revalidatePath("/", "layout");
  if (!result.data.link) return { ok: true, data: null };
  redirect(safeReturnPath(result.data.link));
}

export async function markAllReadAction(_previous: ActionResult | null, _form: FormData): Promise<ActionResult> {
  const accountId = await signedInAccountId();
  const result = await runAction(() => markAllRead(getDb(), accountId, new Date()));
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, data: null };
}
