"use server";
import { redirect } from "next/navigation";
import { setPresence } from "../../features/identity/accounts.ts";
import { getDb } from "../../prisma/db.ts";
import { currentSession } from "../_server/session.ts";

export async function setPresenceAction(enabled: boolean): Promise<void> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  await setPresence(getDb(), session.accountId, enabled === true);
}
