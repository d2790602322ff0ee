import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isAppError } from "../../../features/shared/app-error.ts";
import { tableForMember } from "../../../features/tables/queries.ts";
import { getDb } from "../../../prisma/db.ts";
import { requireSession } from "../../_server/session.ts";

/**
 * The table for the signed-in member, or the not-found page for anyone else. Once per request:
 * the page's metadata and its body share one authorisation and one load.
 */
export const loadTable = cache(async (tableId: string, path: string) => {
  const session = await requireSession(path);
  try {
    return { session, table: await tableForMember(getDb(), session.accountId, tableId) };
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
});
