"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { answerRound, closeRound, openRound } from "../../features/decisions/rounds.ts";
import { freezeVersion } from "../../features/docs/versions.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession } from "../_server/session.ts";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

async function act(tableId: string, work: (accountId: string) => Promise<unknown>): Promise<ActionResult> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const result = await runAction(() => work(session.accountId));
  if (!result.ok) return result;
  revalidatePath(`/tables/${tableId}/problem`);
  return { ok: true, data: null };
}

export async function freezeStatementAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(tableId, (accountId) => freezeVersion(getDb(), accountId, { kind: "problem", tableId }));
}

export async function openRoundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(tableId, (accountId) =>
    openRound(getDb(), accountId, tableId, { versionId: text(form, "versionId"), deadline: text(form, "deadline") }),
  );
}

/** The party answered for comes from the membership; the form names only the round. */
export async function answerRoundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(tableId, (accountId) =>
    answerRound(getDb(), accountId, tableId, text(form, "roundId"), { answer: text(form, "answer"), reason: text(form, "reason") }),
  );
}

export async function closeRoundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const tableId = text(form, "tableId");
  return act(tableId, (accountId) => closeRound(getDb(), accountId, tableId, text(form, "roundId")));
}
