// Parties: the typed stakeholders at a table, and whether everyone affected is there.
import { z } from "zod";
import type { PartyType } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorize, CURRENT_MEMBER } from "./queries.ts";

export const PARTY_TYPES = [
  "sex_worker_organisation",
  "sex_workers_individual",
  "municipality_department",
  "council",
  "police",
  "public_health",
  "care_support",
  "operators",
  "residents",
  "researchers",
  "other",
] as const satisfies readonly PartyType[];
export const REPRESENTATIONS = ["delegates", "pseudonymous_individuals", "organisation_for_members"] as const;

/** Parties of sex workers themselves: the table is not legitimate without one. */
export const SEX_WORKER_PARTY_TYPES: readonly PartyType[] = ["sex_worker_organisation", "sex_workers_individual"];

export const partySchema = z.object({
  type: z.enum(PARTY_TYPES),
  name: z.string().trim().min(2, { message: "PARTY_NAME_INVALID" }).max(120, { message: "PARTY_NAME_INVALID" }),
  represents: z.string().trim().max(500, { message: "INVALID_INPUT" }).default(""),
  representation: z.enum(REPRESENTATIONS).default("delegates"),
  hasDecisionPower: z.boolean().default(false),
});
export type PartyInput = z.input<typeof partySchema>;

function parse(input: PartyInput) {
  return parseInput(partySchema, input);
}

export async function addParty(db: Db, accountId: string, tableId: string, input: PartyInput, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "parties.manage");
  const data = parse(input);
  return db.$transaction(async (tx) => {
    const party = await tx.party.create({ data: { ...data, tableId, createdAt: now }, select: { id: true } });
    await recordAudit(tx, { action: "party.added", tableId, data: { by: member.id, party: party.id, type: data.type } }, now);
    return party;
  });
}

export async function updateParty(db: Db, accountId: string, tableId: string, partyId: string, input: PartyInput, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "parties.manage");
  const data = parse(input);
  if (!isUuid(partyId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const updated = await tx.party.updateMany({ where: { id: partyId, tableId }, data });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { action: "party.changed", tableId, data: { by: member.id, party: partyId } }, now);
  });
}

/** For callers that have already authorised the reader. */
export function listParties(db: Db, tableId: string) {
  return db.party.findMany({
    where: { tableId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      type: true,
      name: true,
      represents: true,
      representation: true,
      hasDecisionPower: true,
      _count: { select: { memberships: { where: CURRENT_MEMBER } } },
    },
  });
}

/**
 * Stakeholders the sources name for tables on sex work policy besides sex workers themselves
 * (Proud/SoaAids 2018; Regioplan 2019). Their absence is not an error, but worth a look.
 */
export const OFTEN_AFFECTED: readonly PartyType[] = [
  "municipality_department",
  "operators",
  "public_health",
  "care_support",
  "police",
  "residents",
];

/** Which often-affected kinds of party are not (yet) at the table, in the order above. */
export function missingAffected(parties: { type: PartyType }[]): PartyType[] {
  return OFTEN_AFFECTED.filter((type) => !parties.some((party) => party.type === type));
}

export type PresenceWarning = "NO_SEX_WORKER_PARTY" | "NO_DECISION_POWER";

/** What is missing for "all affected parties at the table" (characteristic 1). */
export function presenceWarnings(parties: { type: PartyType; hasDecisionPower: boolean }[]): PresenceWarning[] {
  const warnings: PresenceWarning[] = [];
  if (!parties.some((party) => SEX_WORKER_PARTY_TYPES.includes(party.type))) warnings.push("NO_SEX_WORKER_PARTY");
  if (!parties.some((party) => party.hasDecisionPower)) warnings.push("NO_DECISION_POWER");
  return warnings;
}
