import type { PartyType } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { attributionDefaultOf, listedByPseudonym } from "../identity/consent.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import type { Role } from "./model.ts";
import { actorFor, can, TABLE_ACTIONS, type TableAction, type TableState } from "./policy.ts";

/** Prisma filter for people who take part now; memberships of those who left stay as rows. */
export const CURRENT_MEMBER = { leftAt: null } as const;

/**
 * Memberships whose person can still be named. An erased account keeps no pseudonym, so a read
 * that names people who left (by pseudonym) leaves these out and shows a former member instead.
 */
export const NAMED_MEMBER = { account: { erasedAt: null } } as const;

export type MemberContext = {
  id: string;
  role: Role;
  partyId: string | null;
  partyType: PartyType | null;
  table: TableState;
};

/** The account's place at a table with the table's state, or null for non-members. */
export async function membershipOf(db: Db, accountId: string, tableId: string): Promise<MemberContext | null> {
  if (!isUuid(tableId)) return null;
  const membership = await db.membership.findUnique({
    where: { tableId_accountId: { tableId, accountId } },
    select: {
      id: true,
      role: true,
      partyId: true,
      party: { select: { type: true } },
      table: { select: { status: true, publicSummary: true } },
      leftAt: true,
    },
  });
  // Someone who left is no member: same answer as for a stranger.
  if (!membership || membership.leftAt) return null;
  return {
    id: membership.id,
    role: membership.role,
    partyId: membership.partyId,
    partyType: membership.party?.type ?? null,
    table: membership.table,
  };
}

/**
 * membershipOf for many (account, table) pairs in one query, for the realtime server admitting
 * many connections at once. Keys are `${accountId}:${tableId}`; the same rule as membershipOf.
 */
export async function membershipsOf(db: Db, pairs: { accountId: string; tableId: string }[]): Promise<Map<string, MemberContext>> {
  const valid = pairs.filter((pair) => isUuid(pair.tableId) && isUuid(pair.accountId));
  const found = new Map<string, MemberContext>();
  if (valid.length === 0) return found;
  const rows = await db.membership.findMany({
    where: {
      accountId: { in: [...new Set(valid.map((p) => p.accountId))] },
      tableId: { in: [...new Set(valid.map((p) => p.tableId))] },
      ...CURRENT_MEMBER,
    },
    select: {
      id: true,
      accountId: true,
      tableId: true,
      role: true,
      partyId: true,
      party: { select: { type: true } },
      table: { select: { status: true, publicSummary: true } },
    },
  });
  for (const row of rows) {
    found.set(`${row.accountId}:${row.tableId}`, {
      id: row.id,
      role: row.role,
      partyId: row.partyId,
      partyType: row.party?.type ?? null,
      table: row.table,
    });
  }
  return found;
}

/**
 * Loads what an action needs to know about the actor at a table and checks the policy.
 * Unknown tables and tables the person is not at answer alike, so ids cannot be probed;
 * members learn why they may not (their role, or the table being closed).
 */
export async function authorize(db: Db, accountId: string | null, tableId: string, action: TableAction): Promise<MemberContext> {
  const membership = accountId ? await membershipOf(db, accountId, tableId) : null;
  if (!membership) throw new AppError(accountId ? "NOT_FOUND" : "NOT_SIGNED_IN");
  const actor = actorFor(accountId, membership);
  if (can(actor, action, membership.table)) return membership;
  if (membership.table.status === "closed" && can(actor, action, { ...membership.table, status: "active" })) {
    throw new AppError("TABLE_CLOSED");
  }
  throw new AppError("FORBIDDEN");
}

export async function tablesOf(db: Db, accountId: string) {
  const memberships = await db.membership.findMany({
    where: { accountId, ...CURRENT_MEMBER },
    orderBy: { table: { createdAt: "desc" } },
    select: { role: true, table: { select: { id: true, title: true, createdAt: true, archivedAt: true } } },
  });
  return memberships.map((membership) => ({ ...membership.table, role: membership.role }));
}

/** Every action's answer for this member, so pages show only what the person may do. */
export function permissionsOf(member: MemberContext): Record<TableAction, boolean> {
  const actor = actorFor("member", member);
  return Object.fromEntries(TABLE_ACTIONS.map((action) => [action, can(actor, action, member.table)])) as Record<TableAction, boolean>;
}

/** The table page's data for a member. Members see each other's pseudonyms, nobody's sign-in name. */
export async function tableForMember(db: Db, accountId: string, tableId: string) {
  const membership = await authorize(db, accountId, tableId, "table.view");
  const table = await db.table.findUniqueOrThrow({
    where: { id: tableId },
    select: {
      id: true,
      title: true,
      policyQuestion: true,
      municipality: true,
      region: true,
      status: true,
      languages: true,
      decisionRule: true,
      publicSummary: true,
      archivedAt: true,
      createdAt: true,
      memberships: {
        where: CURRENT_MEMBER,
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          role: true,
          partyId: true,
          vouchedByPartyId: true,
          partyContact: true,
          account: { select: { id: true, pseudonym: true } },
        },
      },
    },
  });
  // Someone who chose not to be listed by pseudonym shows as a participant, except to the
  // facilitator (who manages the table), to themselves, and to their own party's contact (who vouches).
  const listed = await listedByPseudonym(
    db,
    table.memberships.map((m) => m.account.id),
  );
  const myContactParty = table.memberships.find((m) => m.id === membership.id && m.partyContact)?.partyId ?? null;
  const sees = (m: (typeof table.memberships)[number]) =>
    listed.has(m.account.id) ||
    membership.role === "facilitator" ||
    m.id === membership.id ||
    (myContactParty !== null && m.partyId === myContactParty);
  return {
    id: table.id,
    title: table.title,
    policyQuestion: table.policyQuestion,
    municipality: table.municipality,
    region: table.region,
    status: table.status,
    languages: table.languages,
    decisionRule: table.decisionRule,
    publicSummary: table.publicSummary,
    archivedAt: table.archivedAt,
    createdAt: table.createdAt,
    myMembershipId: membership.id,
    myRole: membership.role,
    myPartyId: membership.partyId,
    /** How this person posts by default where a form lets them choose (their consent record). */
    myAttributionDefault: await attributionDefaultOf(db, accountId),
    may: permissionsOf(membership),
    members: table.memberships.map((m) => ({
      membershipId: m.id,
      role: m.role,
      partyId: m.partyId,
      vouchedByPartyId: m.vouchedByPartyId,
      partyContact: m.partyContact,
      /** Empty when this member may not see it (hidden is then true). */
      pseudonym: sees(m) ? m.account.pseudonym : "",
      hidden: !sees(m),
    })),
  };
}

export async function openInvitations(db: Db, accountId: string, tableId: string, now: Date) {
  await authorize(db, accountId, tableId, "table.invite");
  const open = await db.invitation.findMany({
    where: { tableId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true, partyId: true, vouched: true },
  });
  const parties = await db.party.findMany({ where: { tableId }, select: { id: true, name: true } });
  const partyName = new Map(parties.map((party) => [party.id, party.name]));
  // Which party a link places its user with: the facilitator tells two open delegate links apart by it.
  return open.map(({ partyId, ...invitation }) => ({ ...invitation, party: partyId ? (partyName.get(partyId) ?? null) : null }));
}
