"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addGapToNextMeeting, recordPerception, setIntendedForm } from "../../features/participation/commands.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession } from "../_server/session.ts";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

async function act(tableId: string, work: (accountId: string) => Promise<unknown>): Promise<ActionResult> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const result = await runAction(async () => {
    await work(session.accountId);
    return null;
  });
  if (result.ok) revalidatePath(`/tables/${tableId}/participation`);
  return result;
}

export async function setIntendedAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    setIntendedForm(getDb(), id, tableId, {
      partyId: text(form, "partyId"),
      phaseId: text(form, "phaseId"),
      form: text(form, "form"),
      rationale: text(form, "rationale"),
    }),
  );
}

export async function recordPerceptionAction(_previous: ActionResult | null, form: FormData) {
  const tableId = text(form, "tableId");
  return act(tableId, (id) =>
    recordPerception(getDb(), id, tableId, {
      partyId: text(form, "partyId"),
      phaseId: text(form, "phaseId"),
      form: text(form, "form"),
      explanation: text(form, "explanation"),
      attribution: text(form, "attribution") === "person" ? "person" : "organisation",
      confidential: form.get("confidential") === "on",
      assessedOn: text(form, "assessedOn"),
      replaces: text(form, "replaces") || undefined,
    }),
  );
}

export async function addGapAction(tableId: string, partyId: string, phaseId: string) {
  return act(tableId, (id) => addGapToNextMeeting(getDb(), id, tableId, { partyId, phaseId }));
}
