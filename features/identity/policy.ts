// Account-level rules: when a second factor is asked for, required, or may be removed. Pages,
// actions and the sign-in ask these functions; none of them re-derives the rules.
import type { Role } from "../../generated/prisma/enums.ts";

/** Roles that handle money, identities or the table's membership: they need a second factor. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["facilitator", "treasurer"];

export function roleNeedsSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

/**
 * - `enabled`: the person has a confirmed second factor.
 * - `optional`: nobody asks for one (they hold no such role).
 * - `due`: they hold such a role and have until `dueAt` to set one up; pages remind them.
 * - `required`: the date has passed; until they set one up, Tafel shows only that page.
 */
export type SecondFactorRequirement = "enabled" | "optional" | "due" | "required";

export function secondFactorRequirement(input: {
  enabled: boolean;
  holdsSecondFactorRole: boolean;
  dueAt: Date | null;
  now: Date;
}): SecondFactorRequirement {
  if (input.enabled) return "enabled";
  if (!input.holdsSecondFactorRole) return "optional";
  if (input.dueAt && input.now.getTime() >= input.dueAt.getTime()) return "required";
  return "due";
}

/** Why the person may not switch their second factor off, or null when they may. */
export function secondFactorRemovalRefusal(input: {
  enabled: boolean;
  holdsSecondFactorRole: boolean;
}): "NOT_FOUND" | "SECOND_FACTOR_REQUIRED_FOR_ROLE" | null {
  if (!input.enabled) return "NOT_FOUND";
  if (input.holdsSecondFactorRole) return "SECOND_FACTOR_REQUIRED_FOR_ROLE";
  return null;
}
