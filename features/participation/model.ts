// The umbrella model of participation (paraplumodel, Proud/SoaAids 2018): five forms that differ
// in intensity, say and responsibility. It grew out of the Flower of Youth Participation, which
// replaced the participation ladder — so the forms are never ranked, scored or averaged here.
import { z } from "zod";
import type { Attribution, ParticipationForm } from "../../generated/prisma/enums.ts";

export const FORMS = [
  "informing",
  "consultation",
  "shared_decision_power",
  "sex_worker_led",
  "equal_combination",
] as const satisfies readonly ParticipationForm[];
export type Form = (typeof FORMS)[number];

/** Informing alone is explicitly not meaningful participation. */
export const NOT_MEANINGFUL: readonly Form[] = ["informing"];

/** Forms in which sex workers share or hold decision power. */
export const DECISION_SHARING: readonly Form[] = ["shared_decision_power", "sex_worker_led", "equal_combination"];

export const formSchema = z.enum(FORMS);

export const PERCEPTION_EDIT_WINDOW_MS = 24 * 3_600_000;

/**
 * Who a contribution names: the organisation (the default, safe for people at risk if outed) or
 * the person under their pseudonym. One choice for every kind of party contribution.
 */
export const ATTRIBUTIONS = ["organisation", "person", "anonymous"] as const satisfies readonly Attribution[];
export const attributionSchema = z.enum(ATTRIBUTIONS).default("organisation");
