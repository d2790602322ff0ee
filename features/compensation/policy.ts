// Who may do what with a table's compensation ledger, and to which entry. Pure functions over
// plain data, tested as matrices in policy.test.ts; commands ask them before writing, queries
// before shaping what a reader sees.
import type { Role } from "../tables/model.ts";
import type { EntryStatus } from "./state.ts";

export const COMPENSATION_ACTIONS = [
  "compensation.own", // see one's own entries, claim, confirm, adjust, dispute; keep one's vault data
  "compensation.budget", // totals per category and per party
  "compensation.entries", // every member's entries and amounts
  "compensation.policy", // rates, caps, budget
  "compensation.propose", // proposals from attendance
  "compensation.settle", // approve, pay, reverse
  "compensation.vault", // read payout identity data
  "compensation.export.funder",
  "compensation.export.payout",
] as const;
export type CompensationAction = (typeof COMPENSATION_ACTIONS)[number];

// Observers see nothing of the ledger. The treasurer keeps it; the facilitator sets the policy
// with them and sees the budget, never a person's amounts or identity. The chair has no part in it.
const WHO: Record<CompensationAction, readonly Role[]> = {
  "compensation.own": ["facilitator", "chair", "secretary", "delegate", "treasurer"],
  "compensation.budget": ["facilitator", "treasurer"],
  "compensation.entries": ["treasurer"],
  "compensation.policy": ["facilitator", "treasurer"],
  "compensation.propose": ["facilitator", "treasurer"],
  "compensation.settle": ["treasurer"],
  "compensation.vault": ["treasurer"],
  "compensation.export.funder": ["facilitator", "treasurer"],
  "compensation.export.payout": ["treasurer"],
};

export function canCompensate(actor: { role: Role }, action: CompensationAction): boolean {
  return WHO[action].includes(actor.role);
}

/** Per-party totals: for those who keep the budget, and for members when the policy shows them. */
export function maySeePartyTotals(actor: { role: Role }, policy: { showPartyTotals: boolean } | null): boolean {
  if (canCompensate(actor, "compensation.budget")) return true;
  return policy?.showPartyTotals === true && canCompensate(actor, "compensation.own");
}

export const ENTRY_ACTIONS = ["confirm", "adjust", "dispute", "approve", "pay", "reverse"] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

export type EntryFacts = { membershipId: string; status: EntryStatus; isReversal: boolean; reversed: boolean };

// The statuses each action starts from. A participant answers for their own entries until the
// treasurer approved them; the treasurer settles confirmed entries of others.
const FROM: Record<EntryAction, readonly EntryStatus[]> = {
  confirm: ["proposed", "disputed"],
  adjust: ["proposed", "confirmed", "disputed"],
  dispute: ["proposed", "confirmed"],
  approve: ["confirmed"],
  pay: ["approved"],
  reverse: ["confirmed", "approved", "paid"],
};
const OWN_ACTIONS: readonly EntryAction[] = ["confirm", "adjust", "dispute"];

export type EntryVerdict =
  | "ok"
  | "FORBIDDEN"
  | "COMPENSATION_OWN_CLAIM"
  | "COMPENSATION_TRANSITION_INVALID"
  | "COMPENSATION_ALREADY_REVERSED";

/** Whether this member may take this action on this entry, and if not, why. */
export function entryVerdict(actor: { id: string; role: Role }, action: EntryAction, entry: EntryFacts): EntryVerdict {
  const own = entry.membershipId === actor.id;
  if (OWN_ACTIONS.includes(action)) {
    if (!own || !canCompensate(actor, "compensation.own")) return "FORBIDDEN";
    if (entry.isReversal) return "COMPENSATION_TRANSITION_INVALID";
  } else {
    if (!canCompensate(actor, "compensation.settle")) return "FORBIDDEN";
    // Nobody settles their own claim: a second person sees every euro.
    if (own) return "COMPENSATION_OWN_CLAIM";
    if (action === "reverse" && (entry.isReversal || entry.reversed)) return "COMPENSATION_ALREADY_REVERSED";
  }
  return FROM[action].includes(entry.status) ? "ok" : "COMPENSATION_TRANSITION_INVALID";
}
