// The six characteristics of collaborative governance (Wagenaar, via Proud/SoaAids 2018), each
// met, not met, or not assessable yet — always with the reason, so the table page can show why.
import type { PartyType } from "../../generated/prisma/enums.ts";
import { type DomainPower, type MandateStanding, mandateStanding, type PolicyDomain } from "./mandates.ts";
import { presenceWarnings } from "./parties.ts";

export const CHARACTERISTICS = [
  "all_parties",
  "authoritative",
  "no_forum_hopping",
  "face_to_face",
  "problem_and_facts_first",
  "facilitative_chair",
] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];

export type Assessment = {
  characteristic: Characteristic;
  state: "met" | "not_met" | "not_assessable";
  reason: string;
  /** The domains the reason speaks of (authoritative: where the table shares the decision, and where it only advises). */
  domains?: { shared: PolicyDomain[]; advisory: PolicyDomain[] };
  /** The parties the reason speaks of (no forum-hopping: whose commitment was breached), by name. */
  parties?: string[];
};

export type CharacteristicsInput = {
  parties: { id: string; name: string; type: PartyType; hasDecisionPower: boolean }[];
  latestMandate?: { domains: readonly DomainPower[]; termStart: Date; termEnd: Date };
  commitments: { partyId: string; kind: string; status: "proposed" | "committed" | "breached" | "withdrawn" }[];
  chair: { declared: boolean } | null;
  now: Date;
};

/** Reasons are message keys under "characteristics.reasons", translated by the page. */
export function assessCharacteristics(input: CharacteristicsInput): Assessment[] {
  const warnings = presenceWarnings(input.parties);
  const standing: MandateStanding = mandateStanding(input.latestMandate, input.now);
  const committedParties = new Set(
    input.commitments.filter((c) => c.kind === "decisions_here" && c.status === "committed").map((c) => c.partyId),
  );
  const breachedBy = [...new Set(input.commitments.filter((c) => c.status === "breached").map((c) => c.partyId))];
  const breached = breachedBy.length > 0;
  const allCommitted = input.parties.length > 0 && input.parties.every((p) => committedParties.has(p.id));
  return [
    {
      characteristic: "all_parties",
      state: input.parties.length > 0 && warnings.length === 0 ? "met" : "not_met",
      reason:
        input.parties.length === 0
          ? "noParties"
          : warnings.includes("NO_SEX_WORKER_PARTY")
            ? "noSexWorkerParty"
            : warnings.length
              ? "noDecisionPower"
              : "allPresent",
    },
    {
      characteristic: "authoritative",
      state: standing.state === "authoritative" ? "met" : "not_met",
      // Authoritative where the table shares the decision; the domains where it only advises are named too.
      reason:
        standing.state === "authoritative" && standing.advisoryDomains.length > 0
          ? "mandate_authoritative_partly"
          : `mandate_${standing.state}`,
      ...(standing.state === "authoritative" ? { domains: { shared: standing.sharedDomains, advisory: standing.advisoryDomains } } : {}),
    },
    {
      characteristic: "no_forum_hopping",
      state: breached ? "not_met" : allCommitted ? "met" : "not_met",
      reason: breached ? "commitmentBreached" : allCommitted ? "allCommitted" : "notAllCommitted",
      ...(breached
        ? { parties: breachedBy.map((id) => input.parties.find((p) => p.id === id)?.name).filter((name): name is string => Boolean(name)) }
        : {}),
    },
    // Assessing these needs meetings and the fact register, which come later.
    { characteristic: "face_to_face", state: "not_assessable", reason: "needsMeetings" },
    { characteristic: "problem_and_facts_first", state: "not_assessable", reason: "needsFactRegister" },
    {
      characteristic: "facilitative_chair",
      state: input.chair?.declared ? "met" : "not_met",
      reason: input.chair ? (input.chair.declared ? "chairDeclared" : "chairUndeclared") : "noChair",
    },
  ];
}
