// The current state of a ledger entry is derived from the entry and its appended events; totals
// are sums over those states. Nothing here is stored, so nothing can drift from the rows.
import type { CompensationCategory, LedgerEventKind, PayoutRoute } from "../../generated/prisma/enums.ts";
import { sum } from "./money.ts";

export const ENTRY_STATUSES = ["proposed", "confirmed", "disputed", "approved", "paid"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export type EntryRow = {
  id: string;
  membershipId: string;
  partyId: string | null;
  category: CompensationCategory;
  quantityHundredths: number;
  amountCents: number;
  payoutRoute: PayoutRoute;
  reversesId: string | null;
};
export type EventRow = {
  kind: LedgerEventKind;
  quantityHundredths: number | null;
  amountCents: number | null;
  payoutRoute: PayoutRoute | null;
  note: string;
  createdAt: Date;
};

export type EntryState = {
  status: EntryStatus;
  quantityHundredths: number;
  amountCents: number;
  payoutRoute: PayoutRoute;
  /** The latest dispute's reason while the entry is disputed; a disputed entry stays visible with it. */
  dispute: string | null;
};

const TO: Record<LedgerEventKind, EntryStatus> = {
  confirmed: "confirmed",
  adjusted: "confirmed",
  disputed: "disputed",
  approved: "approved",
  paid: "paid",
};

/** Folds the events, oldest first, over the entry as it was created. */
export function entryState(entry: EntryRow, events: readonly EventRow[]): EntryState {
  const ordered = [...events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let state: EntryState = {
    status: "proposed",
    quantityHundredths: entry.quantityHundredths,
    amountCents: entry.amountCents,
    payoutRoute: entry.payoutRoute,
    dispute: null,
  };
  for (const event of ordered) {
    state = {
      status: TO[event.kind],
      quantityHundredths: event.quantityHundredths ?? state.quantityHundredths,
      amountCents: event.amountCents ?? state.amountCents,
      payoutRoute: event.payoutRoute ?? state.payoutRoute,
      dispute: event.kind === "disputed" ? event.note : null,
    };
  }
  return state;
}

export type Totals = Record<EntryStatus, number> & { total: number; committed: number };

/** Sums per status; committed is what was confirmed, approved or paid. */
export function totalsOf(states: readonly { status: EntryStatus; amountCents: number }[]): Totals {
  const by = (status: EntryStatus) => sum(states.filter((s) => s.status === status).map((s) => s.amountCents));
  const totals = {
    proposed: by("proposed"),
    confirmed: by("confirmed"),
    disputed: by("disputed"),
    approved: by("approved"),
    paid: by("paid"),
  };
  return { ...totals, total: sum(Object.values(totals)), committed: totals.confirmed + totals.approved + totals.paid };
}

/** Totals per key (category, party, member), each summing the same states as the whole. */
export function totalsBy<K extends string>(rows: readonly { key: K; status: EntryStatus; amountCents: number }[]): Map<K, Totals> {
  const groups = new Map<K, { status: EntryStatus; amountCents: number }[]>();
  for (const row of rows) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return new Map([...groups].map(([key, group]) => [key, totalsOf(group)]));
}

/** The share of the budget committed or still proposed at which a warning shows. */
export const BUDGET_WARNING_SHARE = 0.9;

export function budgetWarning(totals: Totals, budgetCents: number): "ok" | "near" | "over" {
  const expected = totals.committed + totals.proposed;
  if (expected > budgetCents) return "over";
  if (expected * 10 >= budgetCents * BUDGET_WARNING_SHARE * 10) return "near";
  return "ok";
}
