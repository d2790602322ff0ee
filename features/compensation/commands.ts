// Writing to the compensation ledger. Entries and events are only ever appended (the database
// refuses anything else); every command validates, asks the policy, writes in one short
// transaction and records its audit event. Audit data names members by membership id under
// `recordedBy`, so the table's activity log does not say who claimed what.
import type { CompensationCategory, CompensationUnit, LedgerEventKind, PayoutRoute } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { compensationPath } from "../notifications/model.ts";
import { notifyMemberships } from "../notifications/notify.ts";
import { AppError } from "../shared/app-error.ts";
import { isoDate } from "../shared/dates.ts";
import { parseInput } from "../shared/validation.ts";
import type { MemberContext } from "../tables/queries.ts";
import { authorizeCompensation } from "./access.ts";
import { adjustInputSchema, claimInputSchema, disputeInputSchema, policyInputSchema, UNITS_OF } from "./model.ts";
import { amountFor, minutesToHundredthsOfHour } from "./money.ts";
import { type EntryAction, entryVerdict } from "./policy.ts";
import { entryState, totalsOf } from "./state.ts";

type Policy = NonNullable<Awaited<ReturnType<typeof policyOn>>>;

export const dayOf = (text: string) => new Date(`${text}T00:00:00.000Z`);

/** The policy version valid on a day: the latest that starts on or before it. */
export async function policyOn(db: Db, tableId: string, day: Date) {
  return db.compensationPolicy.findFirst({
    where: { tableId, validFrom: { lte: day } },
    orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }],
  });
}

function rateOf(policy: Policy, unit: CompensationUnit): number | null {
  const rates: Record<CompensationUnit, number | null> = {
    hour: policy.hourRateCents,
    session: policy.sessionRateCents,
    review: policy.reviewRateCents,
    draft: policy.draftRateCents,
    km: policy.kmRateCents,
    receipt: null,
  };
  return rates[unit];
}

function capOf(policy: Policy, category: CompensationCategory): number | null {
  const caps: Record<CompensationCategory, number | null> = {
    time: policy.timeCapCents,
    work: policy.workCapCents,
    travel: policy.travelCapCents,
    meal: policy.mealCapCents,
    other: policy.otherCapCents,
  };
  return caps[category];
}

function checkCap(policy: Policy, category: CompensationCategory, amountCents: number, field: string) {
  const cap = capOf(policy, category);
  if (cap !== null && amountCents > cap) throw new AppError("COMPENSATION_OVER_CAP", { field, cap: cap / 100 });
}

/** A new version of the table's compensation policy from a date on. */
export async function setCompensationPolicy(db: Db, accountId: string, tableId: string, input: unknown, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.policy");
  const data = parseInput(policyInputSchema, input);
  return db.$transaction(async (tx) => {
    const policy = await tx.compensationPolicy.create({
      data: {
        tableId,
        validFrom: dayOf(data.validFrom),
        hourRateCents: data.hourRate,
        sessionRateCents: data.sessionRate,
        reviewRateCents: data.reviewRate,
        draftRateCents: data.draftRate,
        kmRateCents: data.kmRate,
        timeCapCents: data.timeCap,
        workCapCents: data.workCap,
        travelCapCents: data.travelCap,
        mealCapCents: data.mealCap,
        otherCapCents: data.otherCap,
        budgetCents: data.budget,
        budgetSource: data.budgetSource,
        showPartyTotals: data.showPartyTotals,
        setBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "compensation.policy_set", tableId, data: { recordedBy: member.id } }, now);
    return policy;
  });
}

const ATTENDED = ["present", "online", "left_early"] as const;

/** The latest attendance mark per membership at a meeting. */
export async function attendanceOf(db: Db, meetingId: string): Promise<Map<string, string>> {
  const marks = await db.attendanceMark.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } });
  return new Map(marks.map((mark) => [mark.membershipId, mark.status]));
}

function defaultRoute(member: { partyId: string | null }): PayoutRoute {
  // Via the organisation unless the person has none: nothing needs to be stored about them.
  return member.partyId ? "organisation" : "person";
}

/**
 * Proposes time entries for the members who attended an ended meeting (in the room, online or
 * for part of it), and a meal at the policy's cap where the meeting offered one to those in the
 * room. Travel is claimed by the participant, who knows what it cost. Members already proposed
 * for the meeting are skipped, so proposing twice adds nothing.
 */
export async function proposeFromAttendance(db: Db, accountId: string, tableId: string, meetingId: string, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.propose");
  const meeting = isUuid(meetingId) ? await db.meeting.findFirst({ where: { id: meetingId, tableId } }) : null;
  if (!meeting || meeting.cancelledAt) throw new AppError("NOT_FOUND", { field: "meetingId" });
  if (meeting.endsAt.getTime() > now.getTime()) throw new AppError("COMPENSATION_MEETING_NOT_ENDED", { field: "meetingId" });
  const day = dayOf(isoDate(meeting.startsAt));
  const policy = await policyOn(db, tableId, day);
  if (!policy) throw new AppError("COMPENSATION_NO_POLICY");
  const attendance = await attendanceOf(db, meeting.id);
  const already = new Set(
    (await db.ledgerEntry.findMany({ where: { meetingId: meeting.id, createdBy: null }, select: { membershipId: true } })).map(
      (e) => e.membershipId,
    ),
  );
  const members = await db.membership.findMany({
    where: { tableId, id: { in: [...attendance.keys()] }, role: { not: "observer" } },
    select: { id: true, partyId: true },
  });
  const hours = minutesToHundredthsOfHour(Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000));
  const rows = members
    .filter((m) => !already.has(m.id) && (ATTENDED as readonly string[]).includes(attendance.get(m.id) ?? ""))
    .flatMap((m) => {
      const base = {
        tableId,
        membershipId: m.id,
        partyId: m.partyId,
        policyId: policy.id,
        meetingId: meeting.id,
        occurredOn: day,
        payoutRoute: defaultRoute(m),
        createdAt: now,
      };
      const time = {
        ...base,
        category: "time" as const,
        unit: "hour" as const,
        quantityHundredths: hours,
        rateCents: policy.hourRateCents,
        amountCents: amountFor(hours, policy.hourRateCents),
        description: meeting.title,
      };
      const inRoom = attendance.get(m.id) !== "online";
      const meal =
        meeting.compensatesMeals && inRoom && policy.mealCapCents
          ? [
              {
                ...base,
                category: "meal" as const,
                unit: "receipt" as const,
                quantityHundredths: 100,
                rateCents: policy.mealCapCents,
                amountCents: policy.mealCapCents,
                description: meeting.title,
              },
            ]
          : [];
      return [time, ...meal];
    });
  await db.$transaction(async (tx) => {
    if (rows.length > 0) await tx.ledgerEntry.createMany({ data: rows });
    await recordAudit(
      tx,
      { action: "compensation.proposed", tableId, data: { recordedBy: member.id, meeting: meeting.id, count: rows.length } },
      now,
    );
    await notifyMemberships(tx, tableId, rows, "ledger_to_confirm", compensationPath(tableId), now);
  });
  return { count: rows.length };
}

/** A member's own claim: travel, a meal, written work or other costs, priced by the policy of its date. */
export async function addClaim(db: Db, accountId: string, tableId: string, input: unknown, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.own");
  const data = parseInput(claimInputSchema, input);
  if (!UNITS_OF[data.category].includes(data.unit)) throw new AppError("COMPENSATION_UNIT_INVALID", { field: "unit" });
  let occurredOn = data.occurredOn ?? isoDate(now);
  if (data.meetingId) {
    const meeting = await db.meeting.findFirst({ where: { id: data.meetingId, tableId } });
    if (!meeting) throw new AppError("NOT_FOUND", { field: "meetingId" });
    const status = (await attendanceOf(db, meeting.id)).get(member.id);
    if (!status || !(ATTENDED as readonly string[]).includes(status))
      throw new AppError("COMPENSATION_NOT_ATTENDED", { field: "meetingId" });
    occurredOn = isoDate(meeting.startsAt);
  }
  const policy = await policyOn(db, tableId, dayOf(occurredOn));
  if (!policy) throw new AppError("COMPENSATION_NO_POLICY", { field: "occurredOn" });
  const priced = priceOf(policy, data.unit, data.quantity, data.amount);
  checkCap(policy, data.category, priced.amountCents, data.unit === "receipt" ? "amount" : "quantity");
  await checkRoute(db, member, data.payoutRoute);
  return db.$transaction(async (tx) => {
    const entry = await tx.ledgerEntry.create({
      data: {
        tableId,
        membershipId: member.id,
        partyId: member.partyId,
        policyId: policy.id,
        meetingId: data.meetingId,
        category: data.category,
        unit: data.unit,
        ...priced,
        occurredOn: dayOf(occurredOn),
        description: data.description,
        payoutRoute: data.payoutRoute,
        createdBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    // The member's own claim is confirmed by making it.
    await tx.ledgerEvent.create({ data: { entryId: entry.id, kind: "confirmed", recordedBy: member.id, createdAt: now } });
    await recordAudit(tx, { action: "compensation.claimed", tableId, data: { recordedBy: member.id, entry: entry.id } }, now);
    return entry;
  });
}

function priceOf(policy: Policy, unit: CompensationUnit, quantity: number | undefined, amount: number | undefined) {
  if (unit === "receipt") {
    if (amount === undefined || amount <= 0) throw new AppError("COMPENSATION_AMOUNT_INVALID", { field: "amount" });
    return { quantityHundredths: 100, rateCents: amount, amountCents: amount };
  }
  if (quantity === undefined || quantity <= 0) throw new AppError("COMPENSATION_QUANTITY_INVALID", { field: "quantity" });
  const rate = rateOf(policy, unit) ?? 0;
  return { quantityHundredths: quantity, rateCents: rate, amountCents: amountFor(quantity, rate) };
}

async function checkRoute(db: Db, member: MemberContext, route: PayoutRoute) {
  if (route === "organisation" && !member.partyId) throw new AppError("COMPENSATION_NEEDS_PARTY", { field: "payoutRoute" });
  if (route === "person") {
    const iban = await db.vaultValue.findUnique({ where: { membershipId_field: { membershipId: member.id, field: "iban" } } });
    if (!iban) throw new AppError("COMPENSATION_NEEDS_IBAN", { field: "payoutRoute" });
  }
}

async function loadEntry(db: Db, tableId: string, entryId: string) {
  const entry = isUuid(entryId)
    ? await db.ledgerEntry.findFirst({
        where: { id: entryId, tableId },
        include: { events: true, reversedBy: { select: { id: true } }, policy: true },
      })
    : null;
  if (!entry) throw new AppError("NOT_FOUND");
  return { entry, state: entryState(entry, entry.events) };
}

async function checked(db: Db, member: MemberContext, tableId: string, entryId: string, action: EntryAction) {
  const loaded = await loadEntry(db, tableId, entryId);
  const verdict = entryVerdict(member, action, {
    membershipId: loaded.entry.membershipId,
    status: loaded.state.status,
    isReversal: loaded.entry.reversesId !== null,
    reversed: loaded.entry.reversedBy !== null,
  });
  // Someone else's entry does not exist for a participant.
  if (verdict === "FORBIDDEN") throw new AppError(member.role === "treasurer" ? "FORBIDDEN" : "NOT_FOUND");
  if (verdict !== "ok") throw new AppError(verdict);
  return loaded;
}

async function appendEvent(
  db: Db,
  member: MemberContext,
  tableId: string,
  entryId: string,
  kind: LedgerEventKind,
  extra: { quantityHundredths?: number; amountCents?: number; payoutRoute?: PayoutRoute; note?: string },
  now: Date,
) {
  await db.$transaction(async (tx) => {
    await tx.ledgerEvent.create({ data: { entryId, kind, recordedBy: member.id, createdAt: now, ...extra } });
    await recordAudit(tx, { action: `compensation.${kind}`, tableId, data: { recordedBy: member.id, entry: entryId } }, now);
  });
}

/** The participant agrees with a proposed entry, and says how it is paid out. */
export async function confirmEntry(db: Db, accountId: string, tableId: string, entryId: string, route?: PayoutRoute, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.own");
  const { state } = await checked(db, member, tableId, entryId, "confirm");
  const payoutRoute = route ?? state.payoutRoute;
  await checkRoute(db, member, payoutRoute);
  await appendEvent(db, member, tableId, entryId, "confirmed", { payoutRoute }, now);
}

/** The participant corrects their own entry before approval: a new quantity or receipt amount. */
export async function adjustEntry(db: Db, accountId: string, tableId: string, entryId: string, input: unknown, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.own");
  const { entry } = await checked(db, member, tableId, entryId, "adjust");
  const data = parseInput(adjustInputSchema, input);
  const priced =
    entry.unit === "receipt"
      ? priceOf(entry.policy, "receipt", undefined, data.amount)
      : { ...priceOf(entry.policy, entry.unit, data.quantity, undefined), rateCents: entry.rateCents };
  const amountCents = entry.unit === "receipt" ? priced.amountCents : amountFor(priced.quantityHundredths, entry.rateCents);
  checkCap(entry.policy, entry.category, amountCents, entry.unit === "receipt" ? "amount" : "quantity");
  await appendEvent(
    db,
    member,
    tableId,
    entryId,
    "adjusted",
    { quantityHundredths: priced.quantityHundredths, amountCents, note: data.note },
    now,
  );
}

export async function disputeEntry(db: Db, accountId: string, tableId: string, entryId: string, input: unknown, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.own");
  await checked(db, member, tableId, entryId, "dispute");
  const data = parseInput(disputeInputSchema, input);
  await appendEvent(db, member, tableId, entryId, "disputed", { note: data.note }, now);
}

/** The treasurer approves a confirmed entry of someone else, within the budget. */
export async function approveEntry(db: Db, accountId: string, tableId: string, entryId: string, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.settle");
  const { entry, state } = await checked(db, member, tableId, entryId, "approve");
  const all = await db.ledgerEntry.findMany({ where: { tableId }, include: { events: true } });
  const totals = totalsOf(all.map((e) => entryState(e, e.events)));
  if (totals.approved + totals.paid + state.amountCents > entry.policy.budgetCents) throw new AppError("COMPENSATION_OVER_BUDGET");
  await appendEvent(db, member, tableId, entryId, "approved", {}, now);
}

export async function markPaid(db: Db, accountId: string, tableId: string, entryId: string, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.settle");
  await checked(db, member, tableId, entryId, "pay");
  await appendEvent(db, member, tableId, entryId, "paid", {}, now);
}

/** A correction: a new entry with the amount negated, linked to the original, approved at once. */
export async function reverseEntry(db: Db, accountId: string, tableId: string, entryId: string, reason: string, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.settle");
  const { entry, state } = await checked(db, member, tableId, entryId, "reverse");
  const note = parseInput(disputeInputSchema, { note: reason }).note;
  return db.$transaction(async (tx) => {
    const reversal = await tx.ledgerEntry.create({
      data: {
        tableId,
        membershipId: entry.membershipId,
        partyId: entry.partyId,
        policyId: entry.policyId,
        meetingId: entry.meetingId,
        category: entry.category,
        unit: entry.unit,
        quantityHundredths: -state.quantityHundredths,
        rateCents: entry.rateCents,
        amountCents: -state.amountCents,
        occurredOn: entry.occurredOn,
        description: note,
        payoutRoute: state.payoutRoute,
        reversesId: entry.id,
        createdBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.ledgerEvent.create({ data: { entryId: reversal.id, kind: "approved", note, recordedBy: member.id, createdAt: now } });
    await recordAudit(tx, { action: "compensation.reversed", tableId, data: { recordedBy: member.id, entry: entry.id } }, now);
    return reversal;
  });
}
