import { unreadCount } from "../../../../features/notifications/queries.ts";
import { getDb } from "../../../../prisma/db.ts";
import { currentSession } from "../../../_server/session.ts";

export const dynamic = "force-dynamic";

/** How many of the signed-in person's notifications are unread, for the bell after a page change. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  // Only a count: the bell also shows on the page where an overdue second factor is set up.
  const session = await currentSession({ secondFactorSetup: true });
  if (!session) return Response.json({ unread: 0 }, { status: 401, headers });
  return Response.json({ unread: await unreadCount(getDb(), session.accountId) }, { headers });
}
