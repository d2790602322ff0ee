"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { confirmSecondFactor, removeSecondFactor, startSecondFactorSetup } from "../../features/identity/second-factor.ts";
import { getDb } from "../../prisma/db.ts";
import { type ActionResult, runAction } from "../_server/action-result.ts";
import { currentSession, SECOND_FACTOR_PATH } from "../_server/session.ts";

// These are what a person whose second factor is overdue can still do, so they pass the gate.
async function signedIn() {
  const session = await currentSession({ secondFactorSetup: true });
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(SECOND_FACTOR_PATH)}`);
  return session;
}

async function done<T>(work: () => Promise<T>): Promise<ActionResult<null>> {
  const result = await runAction(work);
  if (result.ok) revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: null } : result;
}

export async function startSecondFactorAction(_previous: ActionResult | null, _form: FormData): Promise<ActionResult> {
  const session = await signedIn();
  return done(() => startSecondFactorSetup(getDb(), session.accountId));
}

export async function confirmSecondFactorAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const session = await signedIn();
  return done(() => confirmSecondFactor(getDb(), session, form.get("code")));
}

export async function removeSecondFactorAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const session = await signedIn();
  return done(() => removeSecondFactor(getDb(), session.accountId, form.get("code")));
}
