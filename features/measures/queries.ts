// The measures of a table and one measure's page, shaped for one member. Parties are named with
// what they recorded; the delegates who recorded it never are.
import type { ImpactEffect, ReviewVerdict } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { roundsOf } from "../decisions/rounds.ts";
import { withFrozenBy } from "../docs/frozen-by.ts";
import { docAccessFor } from "../docs/policy.ts";
import { compareVersions, readVersion, versionsOf } from "../docs/versions.ts";
import { actorFor } from "../tables/policy.ts";
import { authorizeMeasure, measureActor } from "./access.ts";
import { latestResponses } from "./impact.ts";
import { type CheckSummary, type PartyResponse, sexWorkerPartiesFirst, summarizeCheck } from "./impact-summary.ts";
import { evaluatingPartyIds } from "./monitoring.ts";
import {
  assessRefusal,
  canMeasure,
  checkCompleteness,
  checkCountsForProposal,
  decideReviewRefusal,
  evaluateRefusal,
  mitigationRefusal,
  openReviewRefusal,
  planRefusal,
  reportRefusal,
  transitionRefusal,
} from "./policy.ts";
import { findMeasure, measureDocName } from "./records.ts";
import { measureTimeline } from "./timeline.ts";

type Tx = Pick<Db, "impactCheck" | "mitigation" | "measureReview" | "party">;

/** Every check of the measures given, newest first, with its summary over the active mitigations. */
async function checksOf(db: Tx, measureIds: string[]) {
  const checks = await db.impactCheck.findMany({
    where: { measureId: { in: measureIds } },
    orderBy: { openedAt: "desc" },
    select: {
      id: true,
      measureId: true,
      versionId: true,
      openedAt: true,
      closedAt: true,
      parties: { orderBy: { position: "asc" } },
      responses: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          partyId: true,
          declined: true,
          declineReason: true,
          createdAt: true,
          assessments: { select: { dimension: true, effect: true, forWhom: true, reasoning: true, factIds: true } },
        },
      },
    },
  });
  const mitigations = await db.mitigation.findMany({
    where: { measureId: { in: measureIds } },
    orderBy: { createdAt: "asc" },
    select: { id: true, checkId: true, kind: true, dimension: true, text: true, createdAt: true, removedAt: true },
  });
  return checks.map((check) => {
    const latest = latestResponses(check.responses);
    const active = mitigations.filter((m) => m.checkId === check.id && !m.removedAt);
    const parties = check.parties.map((p) => ({ partyId: p.partyId, partyType: p.partyType, name: p.partyName }));
    const summary: CheckSummary = summarizeCheck(parties, latest as Map<string, PartyResponse>, active);
    return {
      ...check,
      latest,
      summary,
      mitigations: mitigations.filter((m) => m.checkId === check.id),
      completeness: checkCompleteness(
        check.parties.map((p) => p.partyId),
        latest,
      ),
    };
  });
}

/** The table's measures with where each stands, for the list, the table page and the public summary. */
export async function measuresOfTable(db: Db, tableId: string) {
  const measures = await db.measure.findMany({
    where: { tableId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      reviews: { where: { decidedAt: { not: null } }, orderBy: { decidedAt: "desc" }, take: 1, select: { decidedAt: true, outcome: true } },
    },
  });
  const checks = await checksOf(
    db,
    measures.map((m) => m.id),
  );
  return measures.map((measure) => {
    const check = checks.find((c) => c.measureId === measure.id);
    return {
      id: measure.id,
      title: measure.title,
      kind: measure.kind,
      status: measure.status,
      lastReview: measure.reviews[0] ?? null,
      /** Dimensions on which a party expects a negative effect that no agreed mitigation answers. */
      unmitigated: check ? check.summary.remaining.map((r) => r.dimension) : [],
    };
  });
}

/** The measures page: the list, and what a new measure can rest on when this member may draft one. */
export async function listMeasures(db: Db, accountId: string, tableId: string) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.view");
  const mayDraft = canMeasure(measureActor(member), "measures.draft", member.table);
  return {
    measures: await measuresOfTable(db, tableId),
    mayDraft,
    problemVersions: mayDraft ? (await versionsOf(db, `problem:${tableId}`)).map((v) => ({ id: v.id, number: v.number })) : [],
    facts: mayDraft
      ? await db.fact.findMany({ where: { tableId }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true } })
      : [],
  };
}

export type MeasurePage = Awaited<ReturnType<typeof measurePage>>;

export async function measurePage(
  db: Db,
  accountId: string,
  tableId: string,
  measureId: string,
  options: { read?: number; from?: number; to?: number } = {},
  now = new Date(),
) {
  const member = await authorizeMeasure(db, accountId, tableId, "measures.view");
  const actor = measureActor(member);
  const table = member.table;
  const { id } = await findMeasure(db, tableId, measureId);
  const measure = await db.measure.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      title: true,
      kind: true,
      purpose: true,
      responsibleBody: true,
      domain: true,
      status: true,
      problemVersionId: true,
      createdAt: true,
      facts: { select: { factId: true } },
      statusChanges: { orderBy: { createdAt: "asc" } },
      adoptions: { orderBy: { createdAt: "desc" } },
      indicators: {
        where: { removedAt: null },
        orderBy: { createdAt: "asc" },
        include: { values: { orderBy: [{ measuredOn: "asc" }, { createdAt: "asc" }] } },
      },
      reviews: { orderBy: { scheduledFor: "asc" }, include: { assessments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } },
    },
  });
  const ref = { kind: "measure" as const, tableId, measureId: measure.id };
  const name = measureDocName(tableId, measure.id);
  const parties = await db.party.findMany({
    where: { tableId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, type: true },
  });
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  const facts = await db.fact.findMany({ where: { tableId }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true } });
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const problemVersions = await versionsOf(db, `problem:${tableId}`);
  const versions = await withFrozenBy(db, await versionsOf(db, name));
  const numbers = new Set(versions.map((v) => v.number));
  const versionNumber = new Map(versions.map((v) => [v.id, v.number]));
  const read = options.read && numbers.has(options.read) ? await readVersion(db, accountId, ref, options.read) : null;
  const diff =
    options.from && options.to && numbers.has(options.from) && numbers.has(options.to) && options.from !== options.to
      ? await compareVersions(db, accountId, ref, options.from, options.to)
      : null;
  const rounds = await roundsOf(db, accountId, tableId, name, now);
  const checks = await checksOf(db, [measure.id]);
  const check = checks[0] ?? null;
  const open = table.status !== "closed";
  const allowed = (code: ReturnType<typeof transitionRefusal>) => open && code === null;
  const ready = checkCountsForProposal(check, versions[0]?.id ?? null);
  const step = (to: Parameters<typeof transitionRefusal>[2], via: Parameters<typeof transitionRefusal>[3], override = false) =>
    allowed(transitionRefusal(actor, measure.status, to, via, { checkComplete: ready, override, reason: "why" }));
  const evaluatorIds = await evaluatingPartyIds(db, tableId, measure.id);
  const latestReviewAssessment = (assessments: (typeof measure.reviews)[number]["assessments"]) => {
    const latest = new Map<string, (typeof assessments)[number]>();
    for (const a of assessments) latest.set(a.partyId, a);
    return latest;
  };

  return {
    measure: {
      id: measure.id,
      title: measure.title,
      kind: measure.kind,
      purpose: measure.purpose,
      responsibleBody: measure.responsibleBody,
      domain: measure.domain,
      status: measure.status,
      createdAt: measure.createdAt,
      problemVersion: problemVersions.find((v) => v.id === measure.problemVersionId) ?? null,
      facts: measure.facts.flatMap((f) => factOf.get(f.factId) ?? []),
    },
    text: {
      name,
      access: docAccessFor({ ...actorFor(accountId, member), partyId: member.partyId }, ref, table, { measure: measure.status }),
    },
    versions,
    read,
    diff: diff && { from: diff.from.number, to: diff.to.number, parts: diff.parts },
    rounds,
    checks: checks.map((c) => ({
      id: c.id,
      version: versionNumber.get(c.versionId) ?? 0,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
      summary: c.summary,
      completeness: c.completeness,
      mitigations: c.mitigations,
      history: c.responses.map((r) => ({ id: r.id, party: partyName.get(r.partyId) ?? "", declined: r.declined, at: r.createdAt })),
    })),
    /** The party this member answers the open check for, with its latest answer to start from. */
    answerAs:
      check &&
      open &&
      assessRefusal(actor, { closedAt: check.closedAt, countedPartyIds: check.parties.map((p) => p.partyId) }, measure.status) === null
        ? {
            partyId: member.partyId as string,
            party: partyName.get(member.partyId as string) ?? "",
            latest: check.latest.get(member.partyId as string) ?? null,
          }
        : null,
    statusChanges: measure.statusChanges.map((c) => ({
      from: c.fromStatus,
      to: c.toStatus,
      reason: c.reason,
      override: c.override,
      at: c.createdAt,
    })),
    adoption: measure.adoptions[0] ? { ...measure.adoptions[0], version: versionNumber.get(measure.adoptions[0].versionId) ?? 0 } : null,
    indicators: measure.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      source: i.source,
      valueType: i.valueType,
      baselineValue: i.baselineValue,
      baselineFact: i.baselineFactId ? (factOf.get(i.baselineFactId) ?? null) : null,
      reporter: partyName.get(i.reporterPartyId) ?? "",
      frequency: i.frequency,
      values: i.values.map((v) => ({ id: v.id, measuredOn: v.measuredOn, value: v.value, note: v.note })),
      mayReport: open && reportRefusal(actor, i, measure.status) === null,
    })),
    evaluators: sexWorkerPartiesFirst(parties.filter((p) => evaluatorIds.includes(p.id)).map((p) => ({ ...p, partyType: p.type }))),
    reviews: measure.reviews.map((review) => {
      const latest = latestReviewAssessment(review.assessments);
      const evaluating = sexWorkerPartiesFirst(
        parties.filter((p) => evaluatorIds.includes(p.id)).map((p) => ({ ...p, partyType: p.type })),
      );
      return {
        id: review.id,
        scheduledFor: review.scheduledFor,
        openedAt: review.openedAt,
        decidedAt: review.decidedAt,
        outcome: review.outcome,
        outcomeNote: review.outcomeNote,
        assessments: evaluating.map((party) => {
          const a = latest.get(party.id);
          return {
            partyId: party.id,
            name: party.name,
            assessment: a
              ? {
                  verdict: a.verdict as ReviewVerdict,
                  safety: a.safety as ImpactEffect,
                  health: a.health as ImpactEffect,
                  autonomy: a.autonomy as ImpactEffect,
                  reasoning: a.reasoning,
                }
              : null,
          };
        }),
        values: measure.indicators.flatMap((i) =>
          i.values.filter((v) => v.reviewId === review.id).map((v) => ({ indicator: i.name, value: v.value, valueType: i.valueType })),
        ),
        mayOpen: open && openReviewRefusal(actor, review, measure.status) === null,
        evaluateAs:
          open && evaluateRefusal(actor, review, evaluatorIds) === null ? { party: partyName.get(member.partyId as string) ?? "" } : null,
        mayDecide: open && decideReviewRefusal(actor, review) === null,
      };
    }),
    timeline: measureTimeline({
      createdAt: measure.createdAt,
      versions,
      checks: checks.map((c) => ({
        openedAt: c.openedAt,
        version: versionNumber.get(c.versionId) ?? 0,
        responses: c.responses.map((r) => ({ party: partyName.get(r.partyId) ?? "", declined: r.declined, createdAt: r.createdAt })),
      })),
      mitigations: checks.flatMap((c) => c.mitigations),
      rounds: rounds.map((r) => ({ closedAt: r.closedAt, version: r.version?.number ?? 0, passed: r.result?.passed ?? null })),
      statusChanges: measure.statusChanges,
      adoptions: measure.adoptions.map((a) => ({ ...a, version: versionNumber.get(a.versionId) ?? 0 })),
      reviews: measure.reviews.map((r) => ({
        ...r,
        assessments: r.assessments.map((a) => ({ party: partyName.get(a.partyId) ?? "", verdict: a.verdict, createdAt: a.createdAt })),
      })),
    }),
    parties,
    facts,
    problemVersions: problemVersions.map((v) => ({ id: v.id, number: v.number })),
    may: {
      draft: open && canMeasure(actor, "measures.draft", table) && (measure.status === "draft" || measure.status === "impact_check"),
      freeze: open && canMeasure(actor, "measures.freeze", table) && (measure.status === "draft" || measure.status === "impact_check"),
      // Parties endorse a version while the measure is drafted, checked or proposed; not once adopted.
      endorse: open && ["draft", "impact_check", "proposed"].includes(measure.status),
      openCheck: step("impact_check", "check"),
      propose: step("proposed", "status"),
      override: !step("proposed", "status") && step("proposed", "status", true),
      backToDraft: step("draft", "status"),
      inForce: step("in_force", "status"),
      withdraw: step("withdrawn", "status"),
      adopt: step("adopted", "adoption"),
      mitigate: open && check !== null && mitigationRefusal(actor, measure.status) === null,
      plan: open && planRefusal(actor, measure.status) === null,
    },
  };
}
