// Everything the table page shows about how the table is set up, read once for a member.
import type { Db } from "../../prisma/db.ts";
import { chairStanding } from "./chair.ts";
import { assessCharacteristics } from "./characteristics.ts";
import { commitmentsOf } from "./commitments.ts";
import { mandateHistory, mandateStanding } from "./mandates.ts";
import { partiesOf, presenceWarnings } from "./parties.ts";
import { phasesOf } from "./phases.ts";

export async function tableOverview(db: Db, accountId: string, tableId: string, now: Date) {
  const [parties, phases, mandates, chair, commitments] = await Promise.all([
    partiesOf(db, accountId, tableId),
    phasesOf(db, accountId, tableId),
    mandateHistory(db, tableId),
    chairStanding(db, tableId),
    commitmentsOf(db, accountId, tableId),
  ]);
  const latestMandate = mandates[0];
  return {
    parties,
    warnings: presenceWarnings(parties),
    phases,
    latestMandate,
    standing: mandateStanding(latestMandate, now),
    commitments,
    characteristics: assessCharacteristics({ parties, latestMandate, commitments, chair, now }),
  };
}
