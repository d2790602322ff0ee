// Input of the meeting commands, validated before anything is stored. Times arrive as Amsterdam
// wall-clock times from datetime-local fields and are stored as instants.
import { z } from "zod";
import type { AgendaPurpose, PollAnswer } from "../../generated/prisma/enums.ts";
import { amsterdamTimeToInstant } from "../shared/dates.ts";

export const POLL_ANSWERS = ["yes", "if_need_be", "no"] as const satisfies readonly PollAnswer[];
export const AGENDA_PURPOSES = ["inform", "discuss", "decide"] as const satisfies readonly AgendaPurpose[];
export const MAX_SLOTS = 12;
export const MAX_TIMEBOX_MINUTES = 480;

const instant = z.string().transform((value, ctx) => {
  const at = amsterdamTimeToInstant(value);
  if (!at) ctx.addIssue({ code: "custom", message: "MEETING_TIME_INVALID" });
  return at as Date;
});

const title = (code: string, max: number) => z.string().trim().min(1, code).max(max, code);
const text = (max: number) => z.string().trim().max(max, "INVALID_INPUT").default("");

export const slotSchema = z.object({ startsAt: instant, endsAt: instant });

export const pollInputSchema = z.object({
  title: title("MEETING_TITLE_INVALID", 120),
  note: text(2000),
  slots: z.array(slotSchema).min(1, "MEETING_NO_SLOTS").max(MAX_SLOTS, "INVALID_INPUT"),
});

export const meetingDetailsSchema = z.object({
  title: title("MEETING_TITLE_INVALID", 120),
  address: text(500),
  onlineLink: z
    .string()
    .trim()
    .max(500, "INVALID_INPUT")
    .refine((value) => value === "" || /^https:\/\/\S+$/.test(value), "INVALID_INPUT")
    .default(""),
  languages: z.array(z.string().trim().min(2).max(12)).max(12).default([]),
  interpretation: text(500),
  accessibilityNotes: text(2000),
  safetyNotes: text(2000),
  compensatesTravel: z.boolean().default(false),
  compensatesMeals: z.boolean().default(false),
});

export const meetingInputSchema = meetingDetailsSchema.extend({ startsAt: instant, endsAt: instant });

export const agendaItemSchema = z.object({
  title: title("AGENDA_TITLE_INVALID", 200),
  purpose: z.enum(AGENDA_PURPOSES, { message: "INVALID_INPUT" }),
  timeboxMinutes: z.coerce
    .number({ message: "AGENDA_TIMEBOX_INVALID" })
    .int("AGENDA_TIMEBOX_INVALID")
    .min(1, "AGENDA_TIMEBOX_INVALID")
    .max(MAX_TIMEBOX_MINUTES, "AGENDA_TIMEBOX_INVALID"),
  nextMeetingItemId: z.string().uuid().nullable().default(null),
  factId: z.string().uuid().nullable().default(null),
});

export const pollAnswerSchema = z.enum(POLL_ANSWERS, { message: "INVALID_INPUT" });
