// Writing notifications, always inside the transaction of the command that caused them, so a
// notification exists exactly when what it announces does. Accounts that were erased get none;
// the helpers below find whom to tell from current memberships only (people who left get none).
import type { Prisma } from "../../generated/prisma/client.ts";
import { CURRENT_MEMBER } from "../tables/queries.ts";
import { isSameSitePath, type NotificationKind } from "./model.ts";

type Tx = Pick<Prisma.TransactionClient, "account" | "notification" | "membership">;

/** One notification per distinct, not erased account; returns how many were written. */
export async function notify(tx: Tx, accountIds: readonly string[], kind: NotificationKind, link: string, now: Date): Promise<number> {
  if (!isSameSitePath(link)) throw new Error("a notification leads only to a page inside Tafel");
  const distinct = [...new Set(accountIds)];
  if (distinct.length === 0) return 0;
  const accounts = await tx.account.findMany({ where: { id: { in: distinct }, erasedAt: null }, select: { id: true } });
  if (accounts.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: accounts.map((account) => ({ accountId: account.id, kind, link, createdAt: now })),
  });
  return count;
}

async function accountsOf(tx: Tx, where: Prisma.MembershipWhereInput): Promise<string[]> {
  const members = await tx.membership.findMany({ where: { ...where, ...CURRENT_MEMBER }, select: { accountId: true } });
  return members.map((member) => member.accountId);
}

/** The current delegates of these parties (ids, or the parties themselves) at this table: they answer for their party. */
export async function notifyDelegates(
  tx: Tx,
  tableId: string,
  parties: readonly (string | { id: string })[],
  kind: NotificationKind,
  link: string,
  now: Date,
): Promise<number> {
  const partyIds = parties.map((party) => (typeof party === "string" ? party : party.id));
  if (partyIds.length === 0) return 0;
  return notify(tx, await accountsOf(tx, { tableId, role: "delegate", partyId: { in: partyIds } }), kind, link, now);
}

/** Every current member of the table except the one who acted (by membership id). */
export async function notifyMembers(
  tx: Tx,
  tableId: string,
  exceptMembershipId: string,
  kind: NotificationKind,
  link: string,
  now: Date,
): Promise<number> {
  return notify(tx, await accountsOf(tx, { tableId, id: { not: exceptMembershipId } }), kind, link, now);
}

/** The people behind these memberships (ids, or rows that name one) of the table, while they still take part. */
export async function notifyMemberships(
  tx: Tx,
  tableId: string,
  memberships: readonly (string | { membershipId: string })[],
  kind: NotificationKind,
  link: string,
  now: Date,
): Promise<number> {
  const ids = [...new Set(memberships.map((m) => (typeof m === "string" ? m : m.membershipId)))];
  if (ids.length === 0) return 0;
  return notify(tx, await accountsOf(tx, { tableId, id: { in: ids } }), kind, link, now);
}
