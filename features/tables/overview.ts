// Everything the table page shows about how the table is set up, read once for a member.
import type { Db } from "../../prisma/db.ts";
import { chairStanding } from "./chair.ts";
import { assessCharacteristics } from "./characteristics.ts";
import { listCommitments } from "./commitments.ts";
import { mandateHistory, mandateStanding } from "./mandates.ts";
import { listParties, missingAffected, presenceWarnings } from "./parties.ts";
import { listPhases } from "./phases.ts";
import { authorize } from "./queries.ts";

export async function tableOverview(db: Db, accountId: string, tableId: string, now: Date) {
  await authorize(db, accountId, tableId, "table.view");
  // One after the other: a handful of small reads, and the embedded database serves one at a time anyway.
  const parties = await listParties(db, tableId);
  const phases = await listPhases(db, tableId);
  const mandates = await mandateHistory(db, tableId);
  const chair = await chairStanding(db, tableId);
  const commitments = await listCommitments(db, tableId);
  const latestMandate = mandates[0];
  return {
    parties,
    warnings: presenceWarnings(parties),
    missingAffected: missingAffected(parties),
    phases,
    latestMandate,
    chair,
    standing: mandateStanding(latestMandate, now),
    commitments,
    characteristics: assessCharacteristics({ parties, latestMandate, commitments, chair, now }),
  };
}
