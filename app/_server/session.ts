import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { parseServerEnv, sessionLimitsFrom } from "../../features/config/env.ts";
import { authOptions } from "../../features/identity/auth-options.ts";
import { type ActiveSession, activeSession } from "../../features/identity/sessions.ts";
import { getDb } from "../../prisma/db.ts";

/** The signed-in person for this request, checked against the session row; null when signed out. */
export async function currentSession(): Promise<ActiveSession | null> {
  const session = (await getServerSession(authOptions())) as { sessionId?: string } | null;
  if (!session?.sessionId) return null;
  const limits = sessionLimitsFrom(parseServerEnv());
  return activeSession(getDb(), session.sessionId, limits, new Date(), { touch: true });
}

export async function requireSession(returnTo: string): Promise<ActiveSession> {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
