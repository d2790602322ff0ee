import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { type AcceptDeclaration, declarationForAccepting } from "./chair.ts";
import { createInvitationSchema, type Role, roleSchema, tableTitleSchema } from "./model.ts";
import { createDefaultPhases } from "./phases.ts";
import { actorFor, can, canCreateTable, contactInvitationProblem } from "./policy.ts";
import { authorize, CURRENT_MEMBER } from "./queries.ts";

export async function createTable(db: Db, accountId: string, input: { title: unknown }, now: Date = new Date()) {
  const account = isUuid(accountId) ? await db.account.findUnique({ where: { id: accountId }, select: { id: true } }) : null;
  if (!canCreateTable({ kind: account ? "signed-in" : "signed-out" })) throw new AppError("NOT_SIGNED_IN");
  const title = tableTitleSchema.safeParse(input.title);
  if (!title.success) throw new AppError("TABLE_TITLE_INVALID", { field: "title" });
  return db.$transaction(async (tx) => {
    const table = await tx.table.create({ data: { title: title.data, createdAt: now }, select: { id: true } });
    const membership = await tx.membership.create({
      data: { tableId: table.id, accountId, role: "facilitator", createdAt: now },
      select: { id: true },
    });
    await createDefaultPhases(tx, table.id);
    await recordAudit(tx, { action: "table.created", tableId: table.id, data: { by: membership.id } }, now);
    return table;
  });
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The facilitator invites anyone; a party's contact invites delegates of their own party (contactInvitationProblem). */
async function inviter(db: Db, accountId: string, tableId: string, invitation: { role: Role; partyId: string | null }) {
  const member = await authorize(db, accountId, tableId, "table.view");
  if (can(actorFor(accountId, member), "table.invite", member.table)) return member;
  if (member.table.status === "closed") throw new AppError("TABLE_CLOSED");
  const { partyContact } = await db.membership.findUniqueOrThrow({ where: { id: member.id }, select: { partyContact: true } });
  const problem = contactInvitationProblem({ role: member.role, partyId: member.partyId, partyContact }, invitation);
  if (problem) throw new AppError(problem);
  return member;
}

/** Creates an invitation and returns its secret token once; only its hash is stored. */
export async function createInvitation(db: Db, accountId: string, input: unknown, now: Date = new Date()) {
  const parsed = createInvitationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { tableId, role, validDays } = parsed.data;
  const partyId = parsed.data.partyId || null;
  const membership = await inviter(db, accountId, tableId, { role, partyId });
  if (partyId && !(await db.party.findFirst({ where: { id: partyId, tableId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  if (role === "chair" && partyId) throw new AppError("CHAIR_IS_DELEGATE", { field: "partyId" });
  // Delegates speak for a party; once a table has parties, a delegate invitation names one.
  if (role === "delegate" && !partyId && (await db.party.count({ where: { tableId } })) > 0) {
    throw new AppError("DELEGATE_NEEDS_PARTY", { field: "partyId" });
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + validDays * 86_400_000);
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        tableId,
        role,
        partyId,
        tokenHash: hashInvitationToken(token),
        createdByMembership: membership.id,
        createdAt: now,
        expiresAt,
      },
      select: { id: true },
    });
    // A contact's invitation is their party's act: with the party named, the log shows the party.
    const party: Record<string, string> = membership.role === "delegate" && partyId ? { party: partyId } : {};
    await recordAudit(
      tx,
      { action: "invitation.created", tableId, data: { by: membership.id, role, invitation: created.id, ...party } },
      now,
    );
    return created;
  });
  return { id: invitation.id, token, expiresAt, role };
}

export async function revokeInvitation(db: Db, accountId: string, input: { tableId: string; invitationId: string }, now = new Date()) {
  const membership = await authorize(db, accountId, input.tableId, "table.invite");
  if (!isUuid(input.invitationId)) throw new AppError("NOT_FOUND");
  const result = await db.invitation.updateMany({
    where: { id: input.invitationId, tableId: input.tableId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (result.count === 0) throw new AppError("INVITATION_INVALID");
  await recordAudit(
    db,
    { action: "invitation.revoked", tableId: input.tableId, data: { by: membership.id, invitation: input.invitationId } },
    now,
  );
}

/** What an invitation link offers, for the page that accepts it. Throws when it cannot be used. */
export async function inspectInvitation(db: Db, token: string, now: Date = new Date()) {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) throw new AppError("INVITATION_INVALID");
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      tableId: true,
      role: true,
      partyId: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      table: { select: { title: true } },
    },
  });
  if (!invitation) throw new AppError("INVITATION_INVALID");
  if (invitation.revokedAt) throw new AppError("INVITATION_REVOKED");
  if (invitation.usedAt) throw new AppError("INVITATION_USED");
  if (invitation.expiresAt <= now) throw new AppError("INVITATION_EXPIRED");
  const party = invitation.partyId ? await db.party.findUnique({ where: { id: invitation.partyId }, select: { name: true } }) : null;
  return {
    id: invitation.id,
    tableId: invitation.tableId,
    tableTitle: invitation.table.title,
    role: invitation.role,
    partyId: invitation.partyId,
    partyName: party?.name ?? null,
  };
}

/**
 * Places the account at the invitation's table with its role. Single use is enforced by a
 * conditional update inside the transaction, so two simultaneous accepts cannot both succeed.
 * A chair signs the independence declaration as part of accepting: without it nothing happens.
 */
export async function acceptInvitation(
  db: Db,
  accountId: string,
  input: { token: string; tableId?: string; declaration?: AcceptDeclaration },
  now: Date = new Date(),
) {
  const invitation = await inspectInvitation(db, input.token, now);
  if (input.tableId && input.tableId !== invitation.tableId) throw new AppError("INVITATION_WRONG_TABLE");
  const declaration = declarationForAccepting(invitation.role, input.declaration);
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { tableId_accountId: { tableId: invitation.tableId, accountId } },
      select: { id: true, leftAt: true, removedBy: true },
    });
    if (existing && !existing.leftAt) throw new AppError("ALREADY_MEMBER");
    // Whom the facilitator removed comes back only when the facilitator lets them (readmitMember),
    // not through any link that reaches them.
    if (existing?.removedBy) throw new AppError("REMOVED_FROM_TABLE");
    // A vouch is the party contact's own act, given once the person is at the table (vouchForMember);
    // a new place starts without one, and without being anyone's contact.
    const place = {
      role: invitation.role,
      partyId: invitation.partyId,
      vouchedByPartyId: null,
      vouchedBy: null,
      vouchedAt: null,
      partyContact: false,
    };
    // Someone who left and comes back takes up their old membership again, so what they recorded
    // before is theirs again; the audit log keeps both the leaving and the return.
    const membership = existing
      ? await tx.membership.update({
          where: { id: existing.id },
          data: { ...place, leftAt: null, updatedAt: now },
          select: { id: true, tableId: true, role: true },
        })
      : await tx.membership.create({
          data: { tableId: invitation.tableId, accountId, ...place, createdAt: now },
          select: { id: true, tableId: true, role: true },
        });
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null },
      data: { usedAt: now, usedByMembership: membership.id },
    });
    if (claimed.count !== 1) throw new AppError("INVITATION_USED");
    if (declaration) {
      const { createdByMembership } = await tx.invitation.findUniqueOrThrow({
        where: { id: invitation.id },
        select: { createdByMembership: true },
      });
      // Someone who comes back as chair signs again; an earlier declaration stays on record.
      const signed = await tx.chairDeclaration.create({
        data: {
          tableId: invitation.tableId,
          membershipId: membership.id,
          appointedBy: createdByMembership,
          declaredTies: declaration.declaredTies,
          noPoliticalOffice: true,
          noPartyDelegate: true,
          signedAt: now,
        },
        select: { id: true },
      });
      await recordAudit(
        tx,
        { action: "chair.declared", tableId: invitation.tableId, data: { by: membership.id, declaration: signed.id } },
        now,
      );
    }
    await noteAccessChange(tx, { accountId, tableId: invitation.tableId });
    await recordAudit(
      tx,
      {
        action: "membership.joined",
        tableId: invitation.tableId,
        data: {
          membership: membership.id,
          role: invitation.role,
          invitation: invitation.id,
          ...(existing ? { rejoined: true } : {}),
          ...(invitation.partyId ? { party: invitation.partyId } : {}),
        },
      },
      now,
    );
    return membership;
  });
}

/**
 * Changes a member's role and, when given, the party they take part for ("" for none). The
 * realtime server re-checks open connections within seconds.
 */
export async function changeRole(
  db: Db,
  accountId: string,
  input: { tableId: string; membershipId: string; role: Role; reason?: string; partyId?: string },
  now: Date = new Date(),
) {
  const actor = await authorize(db, accountId, input.tableId, "table.roles.change");
  const role = roleSchema.safeParse(input.role);
  if (!role.success || !isUuid(input.membershipId)) throw new AppError("INVALID_INPUT");
  if (input.partyId !== undefined && input.partyId !== "" && !isUuid(input.partyId)) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    // Two facilitators demoting each other at once would each count two facilitators and leave
    // none: lock the table's facilitator rows so concurrent role changes take turns, then re-read.
    await tx.$queryRaw`SELECT id FROM "Membership" WHERE "tableId" = ${input.tableId}::uuid AND role = 'facilitator' AND "leftAt" IS NULL FOR UPDATE`;
    const current = await tx.membership.findFirst({ where: { id: actor.id, ...CURRENT_MEMBER }, select: { role: true } });
    if (!current || !can(actorFor(accountId, current), "table.roles.change", actor.table)) throw new AppError("FORBIDDEN");
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, tableId: input.tableId, ...CURRENT_MEMBER },
      select: { id: true, role: true, partyId: true, partyContact: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    const changesParty = input.partyId !== undefined && (input.partyId || null) !== target.partyId;
    const partyId = input.partyId === undefined ? target.partyId : input.partyId || null;
    if (changesParty && partyId && !(await tx.party.findFirst({ where: { id: partyId, tableId: input.tableId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND");
    }
    // A chair is appointed with an independence declaration (appointChair), never by a plain change.
    if (role.data === "chair" && target.role !== "chair") throw new AppError("CHAIR_DECLARATION_REQUIRED");
    if (role.data === "delegate" && target.role === "chair") throw new AppError("CHAIR_IS_DELEGATE");
    if (role.data === "chair" && partyId) throw new AppError("CHAIR_IS_DELEGATE", { field: "partyId" });
    // Delegates speak for a party: once the table has parties, a delegate must have one.
    if (role.data === "delegate" && !partyId && (await tx.party.count({ where: { tableId: input.tableId } })) > 0) {
      throw new AppError("DELEGATE_NEEDS_PARTY", { field: "partyId" });
    }
    if (target.role === "facilitator" && role.data !== "facilitator") {
      const facilitators = await tx.membership.count({ where: { tableId: input.tableId, role: "facilitator", ...CURRENT_MEMBER } });
      if (facilitators <= 1) throw new AppError("LAST_FACILITATOR");
    }
    // A party's contact is one of its delegates: changing party or role ends being its contact.
    const partyContact = target.partyContact && role.data === "delegate" && partyId === target.partyId;
    await tx.membership.update({ where: { id: target.id }, data: { role: role.data, partyId, partyContact, updatedAt: now } });
    await noteAccessChange(tx, { tableId: input.tableId });
    await recordAudit(
      tx,
      {
        action: "membership.role_changed",
        tableId: input.tableId,
        data: {
          by: actor.id,
          membership: target.id,
          from: target.role,
          to: role.data,
          reason: input.reason?.slice(0, 500) ?? null,
          ...(changesParty ? { party: partyId, fromParty: target.partyId } : {}),
        },
      },
      now,
    );
  });
}
