// What each reader sees of the ledger: their own entries; the budget by category and party for
// those who keep it (and for members when the policy shows party totals); every entry for the
// treasurer. Amounts are derived from the appended events, never stored as a current value.
import type { CompensationCategory } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize, NAMED_MEMBER } from "../tables/queries.ts";
import { policyOn } from "./commands.ts";
import { canCompensate, maySeePartyTotals } from "./policy.ts";
import { budgetWarning, type EntryState, entryState, type Totals, totalsBy, totalsOf } from "./state.ts";

export type LedgerLine = EntryState & {
  id: string;
  membershipId: string;
  partyId: string | null;
  category: CompensationCategory;
  unit: string;
  rateCents: number;
  occurredOn: Date;
  description: string;
  meetingId: string | null;
  reversesId: string | null;
  reversed: boolean;
};

/** Every line of a table's ledger with its current state; private to this feature's readers. */
export async function ledgerLines(db: Db, tableId: string, where: { membershipId?: string } = {}): Promise<LedgerLine[]> {
  const entries = await db.ledgerEntry.findMany({
    where: { tableId, ...where },
    include: { events: true, reversedBy: { select: { id: true } } },
    orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
  });
  return entries.map((e) => ({
    ...entryState(e, e.events),
    id: e.id,
    membershipId: e.membershipId,
    partyId: e.partyId,
    category: e.category,
    unit: e.unit,
    rateCents: e.rateCents,
    occurredOn: e.occurredOn,
    description: e.description,
    meetingId: e.meetingId,
    reversesId: e.reversesId,
    reversed: e.reversedBy !== null,
  }));
}

export type CompensationView = {
  member: { id: string; role: string; partyId: string | null };
  may: {
    own: boolean;
    budget: boolean;
    entries: boolean;
    policy: boolean;
    propose: boolean;
    settle: boolean;
    funder: boolean;
    payout: boolean;
  };
  policy: Awaited<ReturnType<typeof policyOn>>;
  own: { lines: LedgerLine[]; totals: Totals } | null;
  budget: { totals: Totals; byCategory: Map<string, Totals>; warning: "ok" | "near" | "over" } | null;
  byParty: { partyId: string | null; name: string; totals: Totals }[] | null;
  /** Every entry with the member's pseudonym; null for an erased account (a former member). */
  all: (LedgerLine & { pseudonym: string | null })[] | null;
  pastMeetings: { id: string; title: string; startsAt: Date; attended: boolean }[];
};

export async function compensationView(db: Db, accountId: string, tableId: string, now = new Date()): Promise<CompensationView> {
  const member = await authorize(db, accountId, tableId, "table.view");
  if (!canCompensate(member, "compensation.own") && !canCompensate(member, "compensation.budget")) throw new AppError("FORBIDDEN");
  const may = {
    own: canCompensate(member, "compensation.own"),
    budget: canCompensate(member, "compensation.budget"),
    entries: canCompensate(member, "compensation.entries"),
    policy: canCompensate(member, "compensation.policy"),
    propose: canCompensate(member, "compensation.propose"),
    settle: canCompensate(member, "compensation.settle"),
    funder: canCompensate(member, "compensation.export.funder"),
    payout: canCompensate(member, "compensation.export.payout"),
  };
  const policy = await policyOn(db, tableId, now);
  const lines = await ledgerLines(db, tableId);
  const ownLines = lines.filter((l) => l.membershipId === member.id);
  const totals = totalsOf(lines);
  let byParty: CompensationView["byParty"] = null;
  if (maySeePartyTotals(member, policy)) {
    const parties = new Map((await db.party.findMany({ where: { tableId }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
    byParty = [...totalsBy(lines.map((l) => ({ ...l, key: l.partyId ?? "" })))].map(([key, t]) => ({
      partyId: key || null,
      name: parties.get(key) ?? "",
      totals: t,
    }));
  }
  let all: CompensationView["all"] = null;
  if (may.entries) {
    const names = new Map(
      (
        await db.membership.findMany({
          where: { tableId, ...NAMED_MEMBER },
          select: { id: true, account: { select: { pseudonym: true } } },
        })
      ).map((m) => [m.id, m.account.pseudonym]),
    );
    all = lines.map((l) => ({ ...l, pseudonym: names.get(l.membershipId) ?? null }));
  }
  const meetings = await db.meeting.findMany({
    where: { tableId, endsAt: { lte: now }, cancelledAt: null },
    orderBy: { startsAt: "desc" },
    take: 12,
    select: {
      id: true,
      title: true,
      startsAt: true,
      attendance: { where: { membershipId: member.id }, orderBy: { createdAt: "asc" }, select: { status: true } },
    },
  });
  return {
    member: { id: member.id, role: member.role, partyId: member.partyId },
    may,
    policy,
    own: may.own ? { lines: ownLines, totals: totalsOf(ownLines) } : null,
    budget: may.budget
      ? {
          totals,
          byCategory: totalsBy(lines.map((l) => ({ ...l, key: l.category }))),
          warning: budgetWarning(totals, policy?.budgetCents ?? 0),
        }
      : null,
    byParty,
    all,
    pastMeetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt,
      attended: ["present", "online", "left_early"].includes(m.attendance.at(-1)?.status ?? ""),
    })),
  };
}
