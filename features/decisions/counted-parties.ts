// Which parties a decision counts: those with at least one active delegate. Every round in Tafel
// (fact agreement, endorsements, consensus checks) reads them here, so "not represented" means
// the same everywhere. A party without a delegate is shown as not represented and not counted.
import type { PartyType } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { CURRENT_MEMBER } from "../tables/queries.ts";

export type CountedPartyRef = { id: string; type: PartyType; name: string };

/** For callers that have already authorised the reader. Ordered as the table lists its parties. */
export async function countedParties(db: Pick<Db, "party">, tableId: string): Promise<CountedPartyRef[]> {
  return db.party.findMany({
    where: { tableId, memberships: { some: { role: "delegate", ...CURRENT_MEMBER } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, type: true, name: true },
  });
}
