import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompensationCategory } from "../../generated/prisma/enums.ts";
import { amountFor, sum } from "./money.ts";
import { budgetWarning, ENTRY_STATUSES, type EntryRow, type EventRow, entryState, totalsBy, totalsOf } from "./state.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 1, 1, 20, minute));
const base: EntryRow = {
  id: "e1",
  membershipId: "m1",
  partyId: "p1",
  category: "time",
  quantityHundredths: 250,
  amountCents: 7500,
  payoutRoute: "organisation",
  reversesId: null,
};
const event = (kind: EventRow["kind"], minute: number, extra: Partial<EventRow> = {}): EventRow => ({
  kind,
  quantityHundredths: null,
  amountCents: null,
  payoutRoute: null,
  note: "",
  createdAt: at(minute),
  ...extra,
});

describe("an entry's current state", () => {
  it("is proposed until its member answers", () => {
    expect(entryState(base, [])).toMatchObject({ status: "proposed", amountCents: 7500, dispute: null });
  });

  it("follows its events in time order, whatever order they are read in", () => {
    const events = [event("paid", 3), event("confirmed", 1), event("approved", 2)];
    expect(entryState(base, events).status).toBe("paid");
  });

  it("takes a participant's adjustment as the amount, and keeps a dispute's reason visible", () => {
    const adjusted = entryState(base, [event("adjusted", 1, { quantityHundredths: 200, amountCents: 6000 })]);
    expect(adjusted).toMatchObject({ status: "confirmed", amountCents: 6000, quantityHundredths: 200 });
    const disputed = entryState(base, [event("disputed", 1, { note: "Ik was er maar een uur" })]);
    expect(disputed).toMatchObject({ status: "disputed", dispute: "Ik was er maar een uur", amountCents: 7500 });
  });
});

const CATEGORIES: CompensationCategory[] = ["time", "work", "travel", "meal", "other"];

describe("ledger totals", () => {
  it("keep every total consistent over any sequence of entries and reversals", () => {
    const entryArb = fc.record({
      quantity: fc.integer({ min: 0, max: 100_000 }),
      rate: fc.integer({ min: 0, max: 20_000 }),
      category: fc.constantFrom(...CATEGORIES),
      party: fc.constantFrom("rll", "ggd", "none"),
      status: fc.constantFrom(...ENTRY_STATUSES),
      reversed: fc.boolean(),
      reversalStatus: fc.constantFrom("approved" as const, "paid" as const),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 40 }), (specs) => {
        const rows: { key: CompensationCategory; party: string; status: (typeof ENTRY_STATUSES)[number]; amountCents: number }[] = [];
        for (const spec of specs) {
          const amountCents = amountFor(spec.quantity, spec.rate);
          rows.push({ key: spec.category, party: spec.party, status: spec.status, amountCents });
          // A reversal is an entry of its own with the amount negated.
          if (spec.reversed) rows.push({ key: spec.category, party: spec.party, status: spec.reversalStatus, amountCents: -amountCents });
        }
        const totals = totalsOf(rows);
        expect(totals.total).toBe(sum(rows.map((r) => r.amountCents)));
        expect(ENTRY_STATUSES.reduce((acc, s) => acc + totals[s], 0)).toBe(totals.total);
        expect(totals.committed).toBe(totals.confirmed + totals.approved + totals.paid);
        const byCategory = totalsBy(rows);
        expect(sum([...byCategory.values()].map((t) => t.total))).toBe(totals.total);
        const byParty = totalsBy(rows.map((r) => ({ ...r, key: r.party })));
        expect(sum([...byParty.values()].map((t) => t.total))).toBe(totals.total);
        for (const status of ENTRY_STATUSES) expect(sum([...byParty.values()].map((t) => t[status]))).toBe(totals[status]);
        // An entry and its reversal cancel out exactly.
        const reversedOnly = specs.filter((s) => s.reversed).map((s) => amountFor(s.quantity, s.rate));
        expect(sum(reversedOnly) + sum(reversedOnly.map((a) => -a))).toBe(0);
      }),
    );
  });

  it("warns when what is committed or proposed nears or passes the budget", () => {
    const totals = (committed: number, proposed: number) => ({
      ...totalsOf([{ status: "confirmed", amountCents: committed }]),
      proposed,
      committed,
    });
    expect(budgetWarning(totals(8000, 0), 10000)).toBe("ok");
    expect(budgetWarning(totals(8000, 1000), 10000)).toBe("near");
    expect(budgetWarning(totals(10000, 1), 10000)).toBe("over");
  });
});
