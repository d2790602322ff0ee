import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { parseServerEnv, sessionLimitsFrom } from "../../features/config/env.ts";
import { authOptions } from "../../features/identity/auth-options.ts";
import { type SecondFactorOverview, secondFactorOverview } from "../../features/identity/second-factor.ts";
import { type ActiveSession, activeSession } from "../../features/identity/sessions.ts";
import { getDb } from "../../prisma/db.ts";

/** Where a facilitator or treasurer whose second factor is overdue is sent, and may still go. */
export const SECOND_FACTOR_PATH = "/settings/second-factor";

/**
 * The signed-in person for this request, checked against the session row; null when signed out.
 * A person whose role requires a second factor they have not set up is sent to set it up: every
 * page, file and action goes through here, so nothing else is reachable until they do. Only that
 * page, its actions and the page frame pass `{ secondFactorSetup: true }`.
 */
export async function currentSession(options: { secondFactorSetup?: boolean } = {}): Promise<ActiveSession | null> {
  const session = await sessionOfRequest();
  if (session && !options.secondFactorSetup && (await secondFactorOf(session.accountId)).requirement === "required") {
    redirect(SECOND_FACTOR_PATH);
  }
  return session;
}

// Both the page frame and the page ask; one lookup per request is enough.
const sessionOfRequest = cache(async (): Promise<ActiveSession | null> => {
  const session = (await getServerSession(authOptions())) as { sessionId?: string } | null;
  if (!session?.sessionId) return null;
  const limits = sessionLimitsFrom(parseServerEnv());
  return activeSession(getDb(), session.sessionId, limits, new Date(), { touch: true });
});

/** The person's second factor: on, optional, due by a date, or required now. */
export const secondFactorOf = cache(
  (accountId: string): Promise<SecondFactorOverview> =>
    secondFactorOverview(getDb(), accountId, new Date(), parseServerEnv().TAFEL_SECOND_FACTOR_GRACE_DAYS),
);

export async function requireSession(returnTo: string, options: { secondFactorSetup?: boolean } = {}): Promise<ActiveSession> {
  const session = await currentSession(options);
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
