// Consent records: what a person agreed to, when, and which version of the text they saw. One row
// per agreement; withdrawing sets withdrawnAt and agreeing again adds a row, so the history stays.
// The terms are what taking part rests on: they end with the account (erasure), not on their own.

import type { Prisma } from "../../generated/prisma/client.ts";
import type { ConsentKind } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";

export const CONSENT_KINDS = ["terms", "listed_by_pseudonym", "attribution_default"] as const satisfies readonly ConsentKind[];

/** The version of each text people agree to; a changed text gets a new version (and a new agreement). */
export const CONSENT_TEXT_VERSIONS: Record<ConsentKind, string> = {
  terms: "2026-12-03.2",
  listed_by_pseudonym: "2026-12-03.2",
  attribution_default: "2026-12-03.2",
};

export const ATTRIBUTION_DEFAULTS = ["organisation", "person", "anonymous"] as const;
export type AttributionDefault = (typeof ATTRIBUTION_DEFAULTS)[number];

type Writer = Pick<Prisma.TransactionClient, "consentRecord" | "auditEvent">;

/** Records an agreement (for attribution_default: with the choice), replacing the current one of its kind. */
export async function giveConsent(db: Writer, accountId: string, kind: ConsentKind, choice = "", now = new Date()): Promise<void> {
  if (kind === "attribution_default" && !(ATTRIBUTION_DEFAULTS as readonly string[]).includes(choice)) throw new AppError("INVALID_INPUT");
  if (kind !== "attribution_default" && choice !== "") throw new AppError("INVALID_INPUT");
  const current = await db.consentRecord.findFirst({
    where: { accountId, kind, withdrawnAt: null },
    orderBy: { givenAt: "desc" },
    select: { id: true, textVersion: true, choice: true },
  });
  const textVersion = CONSENT_TEXT_VERSIONS[kind];
  if (current && current.textVersion === textVersion && current.choice === choice) return;
  if (current) await db.consentRecord.update({ where: { id: current.id }, data: { withdrawnAt: now } });
  await db.consentRecord.create({ data: { accountId, kind, textVersion, choice, givenAt: now } });
  await recordAudit(db, { action: "account.consent_given", accountId, data: { kind, textVersion, choice } }, now);
}

/** Withdraws the current agreement of a kind; the terms end only with the account. */
export async function withdrawConsent(db: Db, accountId: string, kind: ConsentKind, now = new Date()): Promise<void> {
  if (kind === "terms") throw new AppError("CONSENT_TERMS_NEED_ERASURE");
  await db.$transaction(async (tx) => {
    const withdrawn = await tx.consentRecord.updateMany({ where: { accountId, kind, withdrawnAt: null }, data: { withdrawnAt: now } });
    // Nothing agreed yet (an account from before consent records): the "no" is recorded all the same.
    if (withdrawn.count === 0) await declineConsent(tx, accountId, kind, now);
    await recordAudit(tx, { action: "account.consent_withdrawn", accountId, data: { kind } }, now);
  });
}

export type ConsentState = {
  kind: ConsentKind;
  /** The agreement in force, or null. */
  current: { textVersion: string; choice: string; givenAt: Date } | null;
  /** Whether a newer text than the one agreed to exists. */
  outdated: boolean;
  history: { textVersion: string; choice: string; givenAt: Date; withdrawnAt: Date | null }[];
};

/** Every kind of consent with the agreement in force and its history, newest first. */
export async function consentsOf(db: Db, accountId: string): Promise<ConsentState[]> {
  const records = await db.consentRecord.findMany({
    where: { accountId },
    orderBy: { givenAt: "desc" },
    select: { kind: true, textVersion: true, choice: true, givenAt: true, withdrawnAt: true },
  });
  return CONSENT_KINDS.map((kind) => {
    const mine = records.filter((r) => r.kind === kind);
    const current = mine.find((r) => r.withdrawnAt === null) ?? null;
    return {
      kind,
      current: current && { textVersion: current.textVersion, choice: current.choice, givenAt: current.givenAt },
      outdated: current !== null && current.textVersion !== CONSENT_TEXT_VERSIONS[kind],
      history: mine.map(({ textVersion, choice, givenAt, withdrawnAt }) => ({ textVersion, choice, givenAt, withdrawnAt })),
    };
  });
}

/** How the person posts by default where they choose (as their organisation unless they chose otherwise). */
export async function attributionDefaultOf(db: Db, accountId: string): Promise<AttributionDefault> {
  const current = await db.consentRecord.findFirst({
    where: { accountId, kind: "attribution_default", withdrawnAt: null },
    orderBy: { givenAt: "desc" },
    select: { choice: true },
  });
  return (ATTRIBUTION_DEFAULTS as readonly string[]).includes(current?.choice ?? "")
    ? (current?.choice as AttributionDefault)
    : "organisation";
}

/**
 * Which of these accounts may be listed by pseudonym in member lists. Someone who declined or
 * withdrew is not; an account from before consent records keeps being listed until it says otherwise.
 */
export async function listedByPseudonym(db: Db, accountIds: string[]): Promise<Set<string>> {
  const records = await db.consentRecord.findMany({
    where: { accountId: { in: [...new Set(accountIds)] }, kind: "listed_by_pseudonym" },
    orderBy: { givenAt: "desc" },
    select: { accountId: true, withdrawnAt: true },
  });
  const latest = new Map<string, boolean>();
  for (const r of records) if (!latest.has(r.accountId)) latest.set(r.accountId, r.withdrawnAt === null);
  return new Set(accountIds.filter((id) => latest.get(id) ?? true));
}

/** A sign-up that leaves the box unticked: recorded as declined (a withdrawn row), so it is never assumed. */
export async function declineConsent(db: Writer, accountId: string, kind: ConsentKind, now = new Date()): Promise<void> {
  await db.consentRecord.create({ data: { accountId, kind, textVersion: CONSENT_TEXT_VERSIONS[kind], givenAt: now, withdrawnAt: now } });
}
