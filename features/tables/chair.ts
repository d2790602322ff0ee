// Appointing the neutral chair: not a delegate of any party, no political office at the
// municipality, and a signed independence declaration recorded with who appointed them.
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize, CURRENT_MEMBER } from "./queries.ts";

export const chairDeclarationSchema = z.object({
  membershipId: z.string().uuid(),
  holdsPoliticalOffice: z.boolean(),
  declaredTies: z.string().trim().max(2000).default(""),
});

export async function appointChair(
  db: Db,
  accountId: string,
  tableId: string,
  input: z.input<typeof chairDeclarationSchema>,
  now = new Date(),
) {
  const actor = await authorize(db, accountId, tableId, "table.roles.change");
  const parsed = chairDeclarationSchema.safeParse(input);
  if (!parsed.success || !isUuid(tableId)) throw new AppError("INVALID_INPUT");
  const { membershipId, holdsPoliticalOffice, declaredTies } = parsed.data;
  if (holdsPoliticalOffice) throw new AppError("CHAIR_HOLDS_OFFICE", { field: "holdsPoliticalOffice" });
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: membershipId, tableId, ...CURRENT_MEMBER },
      select: { id: true, role: true, partyId: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    if (target.role === "delegate" || target.partyId) throw new AppError("CHAIR_IS_DELEGATE", { field: "membershipId" });
    if (target.role === "facilitator") {
      const facilitators = await tx.membership.count({ where: { tableId, role: "facilitator", ...CURRENT_MEMBER } });
      if (facilitators <= 1) throw new AppError("LAST_FACILITATOR");
    }
    await tx.membership.update({ where: { id: target.id }, data: { role: "chair", updatedAt: now } });
    await noteAccessChange(tx, { tableId });
    const declaration = await tx.chairDeclaration.create({
      data: {
        tableId,
        membershipId: target.id,
        appointedBy: actor.id,
        declaredTies,
        noPoliticalOffice: true,
        noPartyDelegate: true,
        signedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "chair.appointed", tableId, data: { by: actor.id, membership: target.id, from: target.role, declaration: declaration.id } },
      now,
    );
    return declaration;
  });
}

export const ownDeclarationSchema = chairDeclarationSchema.omit({ membershipId: true });

/** The declaration a chair signs while accepting a chair invitation: "signed" is the explicit tick. */
export const acceptDeclarationSchema = ownDeclarationSchema.extend({ signed: z.boolean() });
export type AcceptDeclaration = z.input<typeof acceptDeclarationSchema>;

/**
 * What accepting an invitation with this role needs of the declaration: nothing for other roles;
 * for the chair a signed declaration without political office. Throws before anything is written,
 * so it can also be asked before an account is made for the invitation.
 */
export function declarationForAccepting(role: string, input: AcceptDeclaration | undefined) {
  if (role !== "chair") return null;
  const parsed = acceptDeclarationSchema.safeParse(input ?? {});
  if (!parsed.success || !parsed.data.signed) throw new AppError("CHAIR_DECLARATION_NOT_SIGNED", { field: "declarationSigned" });
  if (parsed.data.holdsPoliticalOffice) throw new AppError("CHAIR_HOLDS_OFFICE", { field: "holdsPoliticalOffice" });
  return { declaredTies: parsed.data.declaredTies };
}

/**
 * The chair signs their own independence declaration: for a chair who joined through a chair
 * invitation before accepting one included signing it. The appointer on record is the facilitator
 * who made that invitation.
 */
export async function signChairDeclaration(
  db: Db,
  accountId: string,
  tableId: string,
  input: z.input<typeof ownDeclarationSchema>,
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "chair.declare");
  const parsed = ownDeclarationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  if (parsed.data.holdsPoliticalOffice) throw new AppError("CHAIR_HOLDS_OFFICE", { field: "holdsPoliticalOffice" });
  if (member.partyId) throw new AppError("CHAIR_IS_DELEGATE");
  return db.$transaction(async (tx) => {
    if (await tx.chairDeclaration.count({ where: { tableId, membershipId: member.id } })) throw new AppError("CHAIR_ALREADY_DECLARED");
    const invitation = await tx.invitation.findFirst({
      where: { tableId, usedByMembership: member.id },
      select: { createdByMembership: true },
    });
    const declaration = await tx.chairDeclaration.create({
      data: {
        tableId,
        membershipId: member.id,
        appointedBy: invitation?.createdByMembership ?? member.id,
        declaredTies: parsed.data.declaredTies,
        noPoliticalOffice: true,
        noPartyDelegate: true,
        signedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "chair.declared", tableId, data: { by: member.id, declaration: declaration.id } }, now);
    return declaration;
  });
}

type Appointer = { kind: "self" } | { kind: "member"; pseudonym: string } | { kind: "former" };

function appointerOf(appointedBy: string, chairId: string, members: { id: string; account: { pseudonym: string } }[]): Appointer {
  // A chair placed without an invitation signs on their own; there is no separate appointer.
  if (appointedBy === chairId) return { kind: "self" };
  const member = members.find((m) => m.id === appointedBy);
  return member ? { kind: "member", pseudonym: member.account.pseudonym } : { kind: "former" };
}

/** The chair's declarations as members see them: who appointed, what ties, when signed. */
export async function chairDeclarations(db: Db, tableId: string) {
  const chairs = await db.membership.findMany({
    where: { tableId, role: "chair", ...CURRENT_MEMBER },
    orderBy: { createdAt: "asc" },
    select: { id: true, account: { select: { pseudonym: true } } },
  });
  const declarations = await db.chairDeclaration.findMany({
    where: { tableId, membershipId: { in: chairs.map((c) => c.id) } },
    orderBy: { signedAt: "desc" },
  });
  const appointers = await db.membership.findMany({
    // An appointer who has left shows as a former member.
    where: { id: { in: declarations.map((d) => d.appointedBy) }, ...CURRENT_MEMBER },
    select: { id: true, account: { select: { pseudonym: true } } },
  });
  return chairs.map((chair) => {
    const declaration = declarations.find((d) => d.membershipId === chair.id);
    return {
      membershipId: chair.id,
      pseudonym: chair.account.pseudonym,
      declaration: declaration
        ? {
            signedAt: declaration.signedAt,
            declaredTies: declaration.declaredTies,
            appointer: appointerOf(declaration.appointedBy, chair.id, appointers),
          }
        : null,
    };
  });
}

/** The current chair's standing for the characteristics panel. */
export async function chairStanding(db: Db, tableId: string): Promise<{ declared: boolean } | null> {
  const chairs = await db.membership.findMany({ where: { tableId, role: "chair", ...CURRENT_MEMBER }, select: { id: true } });
  if (chairs.length === 0) return null;
  const declared = await db.chairDeclaration.count({ where: { tableId, membershipId: { in: chairs.map((c) => c.id) } } });
  return { declared: declared > 0 };
}
