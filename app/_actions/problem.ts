"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { answerRound, closeRound, openRound } from "../../features/decisions/rounds.ts";
import { freezeVersion } from "../../features/docs/versions.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession } from "../_server/session.ts";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** The page to refresh: the form's own page at this table (a measure's rounds live on its page), else the problem page. */
function pageOf(tableId: string, form?: FormData): string {
  const path = form ? text(form, "path") : "";
  return path.startsWith(`/tables/${tableId}/`) && !path.includes("..") ? path : `/tables/${tableId}/problem`;
}

async function act(tableId: string, work: (accountId: string) => Promise<unknown>, form?: FormData): Promise<ActionResult> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const result = await runAction(() => work(session.accountId));
  if (!result.ok) return result;
  revalidatePath(pageOf(tableId, form));
  return { ok: true, data: null };
}

export async function freezeStatementAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(tableId, (accountId) => freezeVersion(getDb(), accountId, { kind: "problem", tableId }));
}

export async function openRoundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(
    tableId,
    (accountId) => openRound(getDb(), accountId, tableId, { versionId: text(form, "versionId"), deadline: text(form, "deadline") }),
    form,
  );
}

/** The party answered for comes from the membership; the form names only the round. */
export async function answerRoundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(
    tableId,
    (accountId) =>
      answerRound(getDb(), accountId, tableId, text(form, "roundId"), { answer: text(form, "answer"), reason: text(form, "reason") }),
    form,
  );
}

export async function closeRoundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(tableId, (accountId) => closeRound(getDb(), accountId, tableId, text(form, "roundId")), form);
}
