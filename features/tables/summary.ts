// The public summary of a table: its question, parties, mandate, status and where its measures
// stand (status, last review, expected negative effects left without mitigation). It never contains
// people: no pseudonyms, no roles of individuals, no counts that could single someone out.
import type { Db } from "../../prisma/db.ts";
import { isUuid } from "../identity/sessions.ts";
import { measuresOfTable } from "../measures/queries.ts";
import { mandateHistory, mandateStanding } from "./mandates.ts";
import { actorFor, can } from "./policy.ts";
import { membershipOf } from "./queries.ts";

export async function publicSummary(db: Db, accountId: string | null, tableId: string, now: Date) {
  if (!isUuid(tableId)) return null;
  const table = await db.table.findUnique({
    where: { id: tableId },
    select: { id: true, title: true, policyQuestion: true, municipality: true, status: true, publicSummary: true },
  });
  if (!table) return null;
  const membership = accountId ? await membershipOf(db, accountId, tableId) : null;
  if (!can(actorFor(accountId, membership), "table.summary.view", table)) return null;
  const [parties, mandates] = await Promise.all([
    db.party.findMany({ where: { tableId }, orderBy: { createdAt: "asc" }, select: { name: true, type: true } }),
    mandateHistory(db, tableId),
  ]);
  const latest = mandates[0];
  const measures = await measuresOfTable(db, tableId);
  return {
    title: table.title,
    policyQuestion: table.policyQuestion,
    municipality: table.municipality,
    status: table.status,
    parties,
    standing: mandateStanding(latest, now),
    mandate: latest
      ? {
          issuingBody: latest.issuingBody,
          decisionReference: latest.decisionReference,
          scope: latest.scope,
          /** Each covered domain with the table's decision power there. */
          domains: latest.domains,
        }
      : null,
    measures: measures.map((m) => ({
      title: m.title,
      kind: m.kind,
      status: m.status,
      lastReview: m.lastReview,
      unmitigated: m.unmitigated,
    })),
  };
}
