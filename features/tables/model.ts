import { z } from "zod";
import type { Role } from "../../generated/prisma/enums.ts";

/** The roles a member can hold at a table, in the order they are offered. */
export const ROLES = ["facilitator", "chair", "secretary", "delegate", "observer", "treasurer"] as const satisfies readonly Role[];
export type { Role };

export const roleSchema = z.enum(ROLES);

export const tableTitleSchema = z.string().trim().min(3, { message: "TABLE_TITLE_INVALID" }).max(120, { message: "TABLE_TITLE_INVALID" });

export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;

export const createInvitationSchema = z.object({
  tableId: z.string().uuid(),
  role: roleSchema,
  validDays: z.coerce.number().int().min(INVITATION_DAYS.min).max(INVITATION_DAYS.max).default(INVITATION_DAYS.default),
  /** The party the invitee will take part for; "" or absent for none. */
  partyId: z.union([z.literal(""), z.string().uuid()]).optional(),
});
