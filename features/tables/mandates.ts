// The mandate record: who gave the table authority, for what, until when. Amendments add a new
// version; earlier versions stay as they were, so the history can always be read back.
import { z } from "zod";
import type { DecisionPower } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorize } from "./queries.ts";

export const ISSUING_BODIES = ["council", "college", "mayor", "alderman", "board"] as const;
export const DECISION_POWERS = ["advisory", "binding_recommendation", "co_decision", "delegated_decision"] as const;
export const POLICY_DOMAINS = ["public_order", "care", "zoning_permits", "labour_income", "health"] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "INVALID_DATE" });

export type PolicyDomain = (typeof POLICY_DOMAINS)[number];

/** A covered domain and the decision power the table has there. */
export type DomainPower = { domain: PolicyDomain; decisionPower: DecisionPower };

export const domainPowerSchema = z.object({ domain: z.enum(POLICY_DOMAINS), decisionPower: z.enum(DECISION_POWERS) });

export const officialSchema = z.object({
  office: z.string().trim().min(2, { message: "OFFICIAL_INVALID" }).max(120, { message: "OFFICIAL_INVALID" }),
  portfolio: z.string().trim().max(120, { message: "OFFICIAL_INVALID" }).default(""),
  domains: z.array(z.enum(POLICY_DOMAINS)).default([]),
});
export type Official = z.infer<typeof officialSchema>;

export const mandateSchema = z
  .object({
    issuingBody: z.enum(ISSUING_BODIES),
    decisionReference: z.string().trim().min(1, { message: "MANDATE_REFERENCE_REQUIRED" }).max(120, { message: "INVALID_INPUT" }),
    decisionDate: isoDay,
    scope: z.string().trim().min(3, { message: "MANDATE_SCOPE_REQUIRED" }).max(2000, { message: "INVALID_INPUT" }),
    /** Each covered domain with its own decision power. */
    domains: z.array(domainPowerSchema).min(1, { message: "MANDATE_DOMAINS_REQUIRED" }).max(POLICY_DOMAINS.length),
    issuerCommitment: z.string().trim().max(2000, { message: "INVALID_INPUT" }).default(""),
    termStart: isoDay,
    termEnd: isoDay,
    reviewDate: z.union([z.literal(""), isoDay]).default(""),
    officials: z.array(officialSchema).min(1, { message: "MANDATE_OFFICIAL_REQUIRED" }).max(10),
    attachments: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  })
  .refine((m) => m.termStart < m.termEnd, { message: "MANDATE_TERM_INVALID", path: ["termEnd"] })
  .refine((m) => new Set(m.domains.map((d) => d.domain)).size === m.domains.length, {
    message: "MANDATE_DOMAIN_TWICE",
    path: ["domains"],
  });
export type MandateInput = z.input<typeof mandateSchema>;

function parse(input: MandateInput) {
  const data = parseInput(mandateSchema, input);
  // Someone must answer for every domain the table has a say in.
  const unanswered = data.domains.find((d) => !data.officials.some((o) => o.domains.includes(d.domain)));
  if (unanswered) throw new AppError("MANDATE_DOMAIN_WITHOUT_OFFICIAL", { field: "officials", domain: unanswered.domain });
  return data;
}

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/** Records the mandate (version 1) or, with a note, an amendment as the next version. */
export async function recordMandate(
  db: Db,
  accountId: string,
  tableId: string,
  input: MandateInput & { amendmentNote?: string },
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "mandate.record");
  const data = parse(input);
  const note = (input.amendmentNote ?? "").trim().slice(0, 2000);
  return db.$transaction(async (tx) => {
    const latest = await tx.mandateVersion.findFirst({ where: { tableId }, orderBy: { version: "desc" }, select: { version: true } });
    if (latest && !note) throw new AppError("AMENDMENT_NOTE_REQUIRED", { field: "amendmentNote" });
    const version = (latest?.version ?? 0) + 1;
    const created = await tx.mandateVersion.create({
      data: {
        tableId,
        version,
        issuingBody: data.issuingBody,
        decisionReference: data.decisionReference,
        decisionDate: day(data.decisionDate),
        scope: data.scope,
        domains: { create: data.domains.map((d) => ({ domain: d.domain, decisionPower: d.decisionPower })) },
        issuerCommitment: data.issuerCommitment,
        termStart: day(data.termStart),
        termEnd: day(data.termEnd),
        reviewDate: data.reviewDate ? day(data.reviewDate) : null,
        officials: data.officials,
        attachments: data.attachments,
        amendmentNote: note,
        recordedBy: member.id,
        createdAt: now,
      },
      select: { id: true, version: true },
    });
    await recordAudit(
      tx,
      { action: version === 1 ? "mandate.recorded" : "mandate.amended", tableId, data: { by: member.id, version } },
      now,
    );
    return created;
  });
}

const isPolicyDomain = (value: string): value is PolicyDomain => (POLICY_DOMAINS as readonly string[]).includes(value);
const domainOrder = (a: DomainPower, b: DomainPower) => POLICY_DOMAINS.indexOf(a.domain) - POLICY_DOMAINS.indexOf(b.domain);

/** All versions, newest first, each with its domains and their powers. Readable by members and, for public tables, in the summary. */
export async function mandateHistory(db: Db, tableId: string) {
  const versions = await db.mandateVersion.findMany({
    where: { tableId },
    orderBy: { version: "desc" },
    include: { domains: { select: { domain: true, decisionPower: true } } },
  });
  return versions.map((v) => ({
    ...v,
    domains: v.domains
      .filter((d): d is DomainPower => isPolicyDomain(d.domain))
      .map((d) => ({ domain: d.domain, decisionPower: d.decisionPower }))
      .sort(domainOrder),
    officials: z.array(officialSchema).catch([]).parse(v.officials),
  }));
}

/** Powers with which the table shares in deciding, rather than only advising. */
export const SHARED_DECISION_POWERS: readonly DecisionPower[] = ["binding_recommendation", "co_decision", "delegated_decision"];

/**
 * The domains in which the table shares decision power: binding recommendation, co-decision or
 * delegated decision. A table counts as having shared decision power when at least one domain of
 * its current mandate is among them; advisory on every domain is consultation, not a say.
 */
export function sharedDecisionDomains(domains: readonly DomainPower[]): PolicyDomain[] {
  return domains.filter((d) => SHARED_DECISION_POWERS.includes(d.decisionPower)).map((d) => d.domain);
}

/** Whether a mandate's domains give the table shared decision power (see sharedDecisionDomains). */
export function hasSharedDecisionPower(domains: readonly DomainPower[]): boolean {
  return sharedDecisionDomains(domains).length > 0;
}

export type MandateStanding =
  | { state: "none" }
  | { state: "authoritative"; until: Date; sharedDomains: PolicyDomain[]; advisoryDomains: PolicyDomain[] }
  | { state: "advisory"; until: Date }
  | { state: "not_started"; from: Date }
  | { state: "lapsed"; since: Date };

/**
 * Whether the table is authoritative (gezaghebbend) now: a current mandate with shared decision
 * power in at least one domain. Says in which domains it shares the decision and where it only advises.
 */
export function mandateStanding(
  latest: { domains: readonly DomainPower[]; termStart: Date; termEnd: Date } | undefined,
  now: Date,
): MandateStanding {
  if (!latest) return { state: "none" };
  if (now < latest.termStart) return { state: "not_started", from: latest.termStart };
  if (now >= latest.termEnd) return { state: "lapsed", since: latest.termEnd };
  const sharedDomains = sharedDecisionDomains(latest.domains);
  if (sharedDomains.length === 0) return { state: "advisory", until: latest.termEnd };
  const advisoryDomains = latest.domains.map((d) => d.domain).filter((d) => !sharedDomains.includes(d));
  return { state: "authoritative", until: latest.termEnd, sharedDomains, advisoryDomains };
}
