import { z } from "zod";

export const PASSPHRASE_MIN = 12;
export const PASSPHRASE_MAX = 256;

/** Private sign-in name: never shown to anyone else. Compared lower-cased. */
export const signInNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, { message: "SIGN_IN_NAME_INVALID" });

/** The name other members see: a work name or any pseudonym. */
export const pseudonymSchema = z
  .string()
  .trim()
  .min(1, { message: "PSEUDONYM_INVALID" })
  .max(40, { message: "PSEUDONYM_INVALID" })
  .regex(/^[^<>\p{Cc}]+$/u, { message: "PSEUDONYM_INVALID" });

export const signUpSchema = z.object({
  signInName: signInNameSchema,
  pseudonym: pseudonymSchema,
  passphrase: z.string(),
  passphraseRepeat: z.string(),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  signInName: z.string().trim().toLowerCase().max(64),
  passphrase: z.string().max(PASSPHRASE_MAX),
});

export type SessionLimits = { idleMs: number; maxMs: number };
