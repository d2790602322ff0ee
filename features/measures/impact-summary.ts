// What an impact check says, for the page, the exports and the table's summary. The sex worker
// parties' assessments come first on every dimension and are never tallied away: there is no
// majority here, only each party's expectation side by side. A dimension with an expected negative
// effect and no agreed mitigation is a negative effect that remains, stated plainly.
import type { ImpactDimension, ImpactEffect, MitigationKind, PartyType } from "../../generated/prisma/enums.ts";
import { SEX_WORKER_PARTY_TYPES } from "../tables/parties.ts";
import { IMPACT_DIMENSIONS } from "./model.ts";

export type CheckParty = { partyId: string; partyType: PartyType; name: string };

export type PartyResponse = {
  partyId: string;
  declined: boolean;
  declineReason: string;
  assessments: { dimension: ImpactDimension; effect: ImpactEffect; forWhom: string; reasoning: string; factIds: string[] }[];
};

export type ActiveMitigation = { id: string; kind: MitigationKind; dimension: ImpactDimension; text: string };

export type DimensionEntry = {
  partyId: string;
  name: string;
  sexWorkerParty: boolean;
  effect: ImpactEffect;
  forWhom: string;
  reasoning: string;
  factIds: string[];
};

export type DimensionSummary = {
  dimension: ImpactDimension;
  entries: DimensionEntry[];
  /** The parties expect different effects (an unknown effect is no disagreement). */
  disagreement: boolean;
  /** A sex worker party expects a negative effect: shown as such whatever the others expect. */
  sexWorkerNegative: boolean;
  negative: DimensionEntry[];
  mitigations: ActiveMitigation[];
  /** Expected negative effects without any agreed mitigation. */
  remaining: DimensionEntry[];
};

export type CheckSummary = {
  parties: (CheckParty & { sexWorkerParty: boolean; status: "answered" | "declined" | "missing"; declineReason: string })[];
  dimensions: DimensionSummary[];
  remaining: { dimension: ImpactDimension; entries: DimensionEntry[] }[];
};

export function isSexWorkerParty(type: PartyType): boolean {
  return SEX_WORKER_PARTY_TYPES.includes(type);
}

/** The sex worker parties first, each group in the order given. */
export function sexWorkerPartiesFirst<T extends { partyType: PartyType }>(parties: readonly T[]): T[] {
  return [...parties.filter((p) => isSexWorkerParty(p.partyType)), ...parties.filter((p) => !isSexWorkerParty(p.partyType))];
}

export function summarizeCheck(
  parties: readonly CheckParty[],
  responses: ReadonlyMap<string, PartyResponse>,
  mitigations: readonly ActiveMitigation[],
): CheckSummary {
  const ordered = sexWorkerPartiesFirst(parties);
  const dimensions = IMPACT_DIMENSIONS.map((dimension): DimensionSummary => {
    const entries = ordered.flatMap((party): DimensionEntry[] => {
      const response = responses.get(party.partyId);
      const assessment = response && !response.declined ? response.assessments.find((a) => a.dimension === dimension) : undefined;
      if (!assessment) return [];
      return [
        {
          partyId: party.partyId,
          name: party.name,
          sexWorkerParty: isSexWorkerParty(party.partyType),
          effect: assessment.effect,
          forWhom: assessment.forWhom,
          reasoning: assessment.reasoning,
          factIds: assessment.factIds,
        },
      ];
    });
    const known = new Set(entries.map((e) => e.effect).filter((effect) => effect !== "unknown"));
    const negative = entries.filter((e) => e.effect === "negative");
    const agreed = mitigations.filter((m) => m.dimension === dimension);
    return {
      dimension,
      entries,
      disagreement: known.size > 1,
      sexWorkerNegative: negative.some((e) => e.sexWorkerParty),
      negative,
      mitigations: agreed,
      remaining: agreed.length === 0 ? negative : [],
    };
  });
  return {
    parties: ordered.map((party) => {
      const response = responses.get(party.partyId);
      return {
        ...party,
        sexWorkerParty: isSexWorkerParty(party.partyType),
        status: !response ? "missing" : response.declined ? "declined" : "answered",
        declineReason: response?.declined ? response.declineReason : "",
      };
    }),
    dimensions,
    remaining: dimensions.filter((d) => d.remaining.length > 0).map((d) => ({ dimension: d.dimension, entries: d.remaining })),
  };
}
