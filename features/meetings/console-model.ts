// The commands of the chair's console and of the delegates taking part, as they arrive over the
// live channel: one JSON object each, validated here before anything is looked up or stored.
import { z } from "zod";
import type { AttendanceStatus, ParticipationForm } from "../../generated/prisma/enums.ts";
import { ANSWER_SCALE } from "../decisions/rules.ts";
import { POLICY_DOMAINS } from "../tables/mandates.ts";

export const ATTENDANCE_STATUSES = ["present", "online", "absent", "left_early"] as const satisfies readonly AttendanceStatus[];
export const PARTICIPATION_FORMS = [
  "informing",
  "consultation",
  "shared_decision_power",
  "sex_worker_led",
  "equal_combination",
] as const satisfies readonly ParticipationForm[];

const id = z.string().uuid({ message: "NOT_FOUND" });

export const consoleCommandSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("session.open") }),
    z.object({ type: z.literal("session.end") }),
    z.object({ type: z.literal("item.start"), itemId: id }),
    z.object({ type: z.literal("hand.raise") }),
    z.object({ type: z.literal("hand.lower"), turnId: id }),
    z.object({
      type: z.literal("guest.add"),
      label: z.string().trim().min(1, "GUEST_LABEL_INVALID").max(60, "GUEST_LABEL_INVALID"),
      partyId: id.nullable().default(null),
    }),
    z.object({ type: z.literal("speaker.next") }),
    z.object({ type: z.literal("speaker.call"), turnId: id }),
    z.object({ type: z.literal("speaker.end") }),
    z.object({ type: z.literal("chair.speak") }),
    z.object({
      type: z.literal("attendance.mark"),
      membershipId: id,
      status: z.enum(ATTENDANCE_STATUSES, { message: "INVALID_INPUT" }),
    }),
    z.object({
      type: z.literal("check.open"),
      proposal: z.string().trim().min(3, "CHECK_PROPOSAL_INVALID").max(2000, "CHECK_PROPOSAL_INVALID"),
    }),
    z.object({
      type: z.literal("check.answer"),
      roundId: id,
      answer: z.enum(ANSWER_SCALE, { message: "ROUND_ANSWER_INVALID" }),
      reason: z.string().max(4000, "INVALID_INPUT").default(""),
    }),
    z.object({ type: z.literal("check.close"), roundId: id }),
    z.object({
      type: z.literal("decision.record"),
      text: z.string().trim().min(3, "DECISION_TEXT_INVALID").max(4000, "DECISION_TEXT_INVALID"),
      // Checked against the list in the command, so an unknown domain gets its own error.
      domain: z.string().trim().max(60, "DECISION_DOMAIN_UNKNOWN"),
      participationForm: z.enum(PARTICIPATION_FORMS, { message: "INVALID_INPUT" }),
      roundId: id.nullable().default(null),
      /** The chair confirmed that a decision outside the mandate is recorded as advisory only. */
      advisoryConfirmed: z.boolean().default(false),
    }),
  ],
  { message: "CONSOLE_COMMAND_INVALID" },
);

export type ConsoleCommand = z.output<typeof consoleCommandSchema>;
export type ConsoleCommandType = ConsoleCommand["type"];

export const isPolicyDomain = (value: string): value is (typeof POLICY_DOMAINS)[number] =>
  (POLICY_DOMAINS as readonly string[]).includes(value);
