// Party positions on a fact, as the decision rule sees them: the latest position of each counted
// party, and only when it was given on the record's current revision — a party that accepted an
// earlier wording has not yet accepted this one.

import type { Prisma } from "../../generated/prisma/client.ts";
import type { DecisionRule, FactStance, PartyType } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { type CountedPartyRef, countedParties } from "../decisions/counted-parties.ts";
import type { RoundResult } from "../decisions/rules.ts";
import { evaluateFact, type PartyPosition } from "./policy.ts";

export type StoredPosition = {
  id: string;
  factId: string;
  partyId: string;
  stance: FactStance;
  reasoning: string;
  revision: number;
  createdAt: Date;
};

/** The latest position per fact and party, from positions in any order. */
export function latestPositions<T extends StoredPosition>(positions: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const position of positions) {
    const key = `${position.factId}:${position.partyId}`;
    const known = latest.get(key);
    if (
      !known ||
      known.createdAt < position.createdAt ||
      (known.createdAt.getTime() === position.createdAt.getTime() && known.id < position.id)
    ) {
      latest.set(key, position);
    }
  }
  return latest;
}

export type PartyColumn = {
  partyId: string;
  partyType: PartyType;
  name: string;
  /** The party's latest position, whatever revision it was given on. */
  latest: StoredPosition | null;
  /** Whether that position was given on the current revision (otherwise it counts as no answer). */
  current: boolean;
};

/** One column per counted party, in the table's order, with what the rule counts. */
export function partyColumns(
  counted: readonly CountedPartyRef[],
  latest: Map<string, StoredPosition>,
  fact: { id: string; revision: number },
): PartyColumn[] {
  return counted.map((party) => {
    const position = latest.get(`${fact.id}:${party.id}`) ?? null;
    return {
      partyId: party.id,
      partyType: party.type,
      name: party.name,
      latest: position,
      current: position !== null && position.revision === fact.revision,
    };
  });
}

export function evaluateColumns(rule: DecisionRule, columns: readonly PartyColumn[]): RoundResult {
  const positions: PartyPosition[] = columns.map((column) => ({
    partyId: column.partyId,
    partyType: column.partyType,
    stance: column.current ? (column.latest?.stance ?? null) : null,
    reasoning: column.current ? (column.latest?.reasoning ?? "") : "",
  }));
  return evaluateFact(rule, positions);
}

/** For callers that have already authorised the reader. */
export async function evaluateStoredFact(db: Db | Prisma.TransactionClient, tableId: string, fact: { id: string; revision: number }) {
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { decisionRule: true } });
  const counted = await countedParties(db, tableId);
  const positions = await db.factPosition.findMany({
    where: { factId: fact.id },
    select: { id: true, factId: true, partyId: true, stance: true, reasoning: true, revision: true, createdAt: true },
  });
  const columns = partyColumns(counted, latestPositions(positions), fact);
  return { rule: table.decisionRule, columns, result: evaluateColumns(table.decisionRule, columns) };
}
