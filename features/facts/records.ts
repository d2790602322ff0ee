// Helpers shared by the fact register's commands and queries: the actor at the table, how a
// contribution is attributed, and what the policy needs to know about a stored record.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError, type ErrorCode } from "../shared/app-error.ts";
import type { TableAction } from "../tables/policy.ts";
import { authorize, type MemberContext } from "../tables/queries.ts";
import { CONTENT_FIELDS } from "./model.ts";
import type { FactActor, FactFacts } from "./policy.ts";

export async function factActor(db: Db, accountId: string | null, tableId: string, action: TableAction) {
  const member = await authorize(db, accountId, tableId, action);
  const actor: FactActor = { role: member.role, membershipId: member.id, partyId: member.partyId };
  return { member, actor };
}

/**
 * A delegate's contributions to the register are their party's: the party is named, never the
 * person. The process roles act under their pseudonym.
 */
export function attributedParty(member: Pick<MemberContext, "role" | "partyId">): string | null {
  return member.role === "delegate" ? member.partyId : null;
}

/** Audit data naming the actor: by membership, or — for a delegate — by party only. */
export function auditActor(member: Pick<MemberContext, "id" | "role" | "partyId">): Record<string, string> {
  const party = attributedParty(member);
  // The membership id is kept for accountability; the activity log shows only the party.
  return party ? { asParty: party, recordedBy: member.id } : { by: member.id };
}

type StoredFact = {
  status: FactFacts["status"];
  proposedByPartyId: string | null;
  sourceTitle: string;
  originalSource: string;
  percentage: boolean;
  denominatorDescription: string;
  denominatorCount: number | null;
  denominatorUnknown: boolean;
  citationWording: string;
};

export function hasSource(fact: Pick<StoredFact, "sourceTitle" | "originalSource">): boolean {
  return fact.sourceTitle.trim() !== "" || fact.originalSource.trim() !== "";
}

/** A denominator is recorded, or the table marked it as unknown. */
export function hasDenominator(fact: Pick<StoredFact, "denominatorDescription" | "denominatorCount" | "denominatorUnknown">): boolean {
  return fact.denominatorUnknown || fact.denominatorDescription.trim() !== "" || fact.denominatorCount !== null;
}

export function factFacts(fact: StoredFact): FactFacts {
  return {
    status: fact.status,
    proposedByPartyId: fact.proposedByPartyId,
    hasSource: hasSource(fact),
    percentage: fact.percentage,
    hasDenominator: hasDenominator(fact),
    citationWording: fact.citationWording,
  };
}

/** A fact of this table, or not-found (also for ids of other tables, so ids cannot be probed). */
export async function findFact(db: Db | Prisma.TransactionClient, tableId: string, factId: string) {
  if (!isUuid(factId)) throw new AppError("NOT_FOUND");
  const fact = await db.fact.findFirst({ where: { id: factId, tableId } });
  if (!fact) throw new AppError("NOT_FOUND");
  return fact;
}

export type FactRow = Awaited<ReturnType<typeof findFact>>;

/** The content of a revision: everything parties take a position on. */
export function contentOf(fact: FactRow): Record<string, unknown> {
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, fact[field]]));
}

/** An error naming the field, also as `name` for the ICU select in its message. */
export function fieldError(code: ErrorCode, field: string): AppError {
  return new AppError(code, field ? { field, name: field.split(".")[0] ?? field } : {});
}
