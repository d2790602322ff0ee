// Payout details are kept only as long as a payout needs them: once every entry of a membership
// that is paid directly is paid (or reversed), the vault values go a set number of days after the
// last payout. A membership that ended with nothing left to pay loses them the same number of
// days after it ended. Run by the web server at start and daily; each purge is in the audit log.
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { entryState } from "./state.ts";

const DAY = 86_400_000;
/** Days payout details are kept after the last payout (TAFEL_VAULT_RETENTION_DAYS). */
export const DEFAULT_VAULT_RETENTION_DAYS = 90;

/** The ledger fields and events that decide whether a payout is still open. */
export const PAYOUT_STATE_FIELDS = {
  id: true,
  membershipId: true,
  partyId: true,
  category: true,
  quantityHundredths: true,
  amountCents: true,
  payoutRoute: true,
  reversesId: true,
  reversedBy: { select: { id: true } },
  events: { select: { kind: true, quantityHundredths: true, amountCents: true, payoutRoute: true, note: true, createdAt: true } },
} as const;

type EntryForPayoutState = Parameters<typeof entryState>[0] & {
  reversesId: string | null;
  reversedBy: { id: string } | null;
  events: Parameters<typeof entryState>[1];
};

/** Whether some entry paid to a person directly is not paid yet (reversals settle what they reverse). */
export function directPayoutOpen(entries: EntryForPayoutState[]): boolean {
  return entries
    .filter((e) => e.reversesId === null && e.reversedBy === null)
    .some((e) => {
      const state = entryState(e, e.events);
      return state.payoutRoute === "person" && state.status !== "paid";
    });
}

/** Deletes the payout details nobody needs any more; returns how many memberships lost them. */
export async function purgeSettledVaults(db: Db, now: Date, retentionDays = DEFAULT_VAULT_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  const holders = await db.membership.findMany({
    where: { vaultValues: { some: {} } },
    select: {
      id: true,
      tableId: true,
      leftAt: true,
      ledgerEntries: { select: PAYOUT_STATE_FIELDS },
    },
  });
  let purged = 0;
  for (const holder of holders) {
    if (directPayoutOpen(holder.ledgerEntries)) continue;
    const live = holder.ledgerEntries.filter((e) => e.reversesId === null && e.reversedBy === null);
    const paidAt = live.flatMap((e) => e.events.filter((ev) => ev.kind === "paid").map((ev) => ev.createdAt.getTime()));
    const settledSince = paidAt.length > 0 ? new Date(Math.max(...paidAt)) : holder.leftAt;
    if (!settledSince || settledSince > cutoff) continue;
    await db.$transaction(async (tx) => {
      await tx.vaultValue.deleteMany({ where: { membershipId: holder.id } });
      await recordAudit(tx, { action: "compensation.vault_deleted", tableId: holder.tableId, data: { retention: true } }, now);
    });
    purged += 1;
  }
  return purged;
}
