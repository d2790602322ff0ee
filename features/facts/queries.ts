// Reads of the fact register, for members: the register with search and filters, and one record
// with its positions side by side, links, history and what the reader may do with it. Delegates'
// contributions are shown as their party's, never as the person's.
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { countedParties } from "../decisions/counted-parties.ts";
import { isUuid } from "../identity/sessions.ts";
import { listParties } from "../tables/parties.ts";
import { NAMED_MEMBER, permissionsOf } from "../tables/queries.ts";
import { evaluateColumns, latestPositions, type PartyColumn, partyColumns } from "./evaluation.ts";
import { EVIDENCE_KINDS, FACT_STATUSES, STANCES } from "./model.ts";
import { mayEditFact, mayEditWording, mayRemoveLink, positionPartyFor, statusOptions } from "./policy.ts";
import { factActor, factFacts, findFact } from "./records.ts";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

/** Filters from a URL: anything that does not fit is ignored rather than refused. */
export const registerFilterSchema = z.object({
  q: optional(z.string().trim().max(200)),
  status: optional(z.enum(FACT_STATUSES)),
  evidence: optional(z.enum(EVIDENCE_KINDS)),
  topic: optional(z.string().trim().max(120)),
  party: optional(z.string().refine(isUuid)),
  stance: optional(z.enum(STANCES)),
});
export type RegisterFilters = z.infer<typeof registerFilterSchema>;

export function parseRegisterFilters(input: Record<string, unknown>): RegisterFilters {
  return registerFilterSchema.parse(input);
}

const REGISTER_SELECT = {
  id: true,
  code: true,
  title: true,
  statement: true,
  language: true,
  topic: true,
  status: true,
  valueKind: true,
  valuePoint: true,
  valueLow: true,
  valueHigh: true,
  qualifier: true,
  valueDisplay: true,
  unit: true,
  percentage: true,
  numeratorDescription: true,
  numeratorCount: true,
  denominatorDescription: true,
  denominatorCount: true,
  denominatorUnknown: true,
  sampleSize: true,
  unknownShare: true,
  unknownShareDescription: true,
  countedObject: true,
  referencePeriod: true,
  publication: true,
  geography: true,
  sectorScope: true,
  evidenceKind: true,
  sourceTitle: true,
  sourceLocator: true,
  originalSource: true,
  citationChain: true,
  caveats: true,
  citationWording: true,
  revision: true,
  proposedByPartyId: true,
  updatedAt: true,
} satisfies Prisma.FactSelect;

function searchWhere(tableId: string, filters: RegisterFilters): Prisma.FactWhereInput {
  const where: Prisma.FactWhereInput = { tableId };
  if (filters.status) where.status = filters.status;
  if (filters.evidence) where.evidenceKind = filters.evidence;
  if (filters.topic) where.topic = filters.topic;
  if (filters.q) {
    const contains = { contains: filters.q, mode: "insensitive" as const };
    where.OR = [
      { code: contains },
      { title: contains },
      { statement: contains },
      { topic: contains },
      { countedObject: contains },
      { sourceTitle: contains },
      { originalSource: contains },
      { citationWording: contains },
    ];
  }
  return where;
}

/** The register for a member: rows with each counted party's position and the rule's verdict. */
export async function factRegister(db: Db, accountId: string, tableId: string, filters: RegisterFilters = {}) {
  const { member } = await factActor(db, accountId, tableId, "facts.view");
  // One after the other: the embedded database serves one query at a time anyway.
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { decisionRule: true, languages: true } });
  const counted = await countedParties(db, tableId);
  const parties = await listParties(db, tableId);
  const facts = await db.fact.findMany({ where: searchWhere(tableId, filters), orderBy: { code: "asc" }, select: REGISTER_SELECT });
  const positions = facts.length
    ? await db.factPosition.findMany({
        where: { tableId, factId: { in: facts.map((fact) => fact.id) } },
        select: { id: true, factId: true, partyId: true, stance: true, reasoning: true, revision: true, createdAt: true },
      })
    : [];
  const topics = await db.fact.findMany({ where: { tableId, topic: { not: "" } }, distinct: ["topic"], select: { topic: true } });
  const total = await db.fact.count({ where: { tableId } });
  const latest = latestPositions(positions);
  const rows = facts
    .map((fact) => {
      const columns = partyColumns(counted, latest, fact);
      return { ...fact, columns, result: evaluateColumns(table.decisionRule, columns) };
    })
    .filter((row) => matchesPosition(row.columns, filters));
  return {
    rows,
    total,
    countedParties: counted,
    parties: parties.map((party) => ({ id: party.id, name: party.name, type: party.type })),
    topics: topics.map((t) => t.topic).sort((a, b) => a.localeCompare(b)),
    decisionRule: table.decisionRule,
    language: table.languages[0] ?? "nl",
    filters,
    may: permissionsOf(member),
  };
}

function matchesPosition(columns: readonly PartyColumn[], filters: RegisterFilters): boolean {
  if (!filters.party && !filters.stance) return true;
  const relevant = filters.party ? columns.filter((column) => column.partyId === filters.party) : columns;
  if (!filters.stance) return relevant.some((column) => column.latest !== null);
  return relevant.some((column) => column.latest?.stance === filters.stance);
}

export type RegisterRow = Awaited<ReturnType<typeof factRegister>>["rows"][number];

type Labeller = (membershipId: string, partyId: string | null) => { party: string | null; pseudonym: string | null; former: boolean };

async function labeller(db: Db, tableId: string): Promise<Labeller> {
  const memberships = await db.membership.findMany({
    where: { tableId, ...NAMED_MEMBER },
    select: { id: true, account: { select: { pseudonym: true } } },
  });
  const parties = await db.party.findMany({ where: { tableId }, select: { id: true, name: true } });
  const pseudonyms = new Map(memberships.map((m) => [m.id, m.account.pseudonym]));
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  return (membershipId, partyId) =>
    partyId
      ? { party: partyNames.get(partyId) ?? null, pseudonym: null, former: false }
      : { party: null, pseudonym: pseudonyms.get(membershipId) ?? null, former: !pseudonyms.has(membershipId) };
}

/** One record with everything the fact page shows, shaped for the reader. */
export async function factDetail(db: Db, accountId: string, tableId: string, factId: string) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.view");
  const fact = await findFact(db, tableId, factId);
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { decisionRule: true, languages: true } });
  const counted = await countedParties(db, tableId);
  const parties = await listParties(db, tableId);
  const label = await labeller(db, tableId);
  const partyName = new Map(parties.map((party) => [party.id, party.name]));

  const positions = await db.factPosition.findMany({ where: { factId: fact.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const columns = partyColumns(counted, latestPositions(positions), fact);
  const result = evaluateColumns(table.decisionRule, columns);
  // Parties not counted now (no delegate) keep their earlier positions visible.
  const uncounted = [...new Set(positions.map((p) => p.partyId))].filter((id) => !counted.some((party) => party.id === id));

  const revisions = await db.factRevision.findMany({ where: { factId: fact.id }, orderBy: { revision: "desc" } });
  const statusChanges = await db.factStatusChange.findMany({ where: { factId: fact.id }, orderBy: { createdAt: "desc" } });
  const links = await db.factLink.findMany({
    where: { tableId, OR: [{ fromFactId: fact.id }, { toFactId: fact.id }] },
    orderBy: { createdAt: "asc" },
    include: {
      from: { select: { id: true, code: true, title: true, status: true } },
      to: { select: { id: true, code: true, title: true, status: true } },
    },
  });
  const answers = await db.factAnswer.findMany({
    where: { factIds: { has: fact.id }, question: { tableId } },
    orderBy: { createdAt: "desc" },
    include: { question: { select: { id: true, question: true } } },
  });
  const facts = factFacts(fact);
  const myParty = positionPartyFor(actor, fact);
  const may = permissionsOf(member);
  return {
    fact,
    decisionRule: table.decisionRule,
    result,
    columns,
    history: {
      positions: positions.map((p) => ({
        id: p.id,
        partyId: p.partyId,
        party: partyName.get(p.partyId) ?? null,
        stance: p.stance,
        reasoning: p.reasoning,
        revision: p.revision,
        at: p.createdAt,
      })),
      revisions: revisions.map((r) => ({
        revision: r.revision,
        note: r.note,
        at: r.createdAt,
        by: label(r.editedBy, r.partyId),
        content: r.content as Record<string, unknown>,
      })),
      statusChanges: statusChanges.map((c) => ({
        id: c.id,
        from: c.from,
        to: c.to,
        reason: c.reason,
        wording: c.wording,
        at: c.createdAt,
        by: label(c.by, null),
      })),
    },
    uncountedParties: uncounted.map((id) => ({ id, name: partyName.get(id) ?? null })),
    links: links.map((link) => {
      const outgoing = link.fromFactId === fact.id;
      return {
        id: link.id,
        type: link.type,
        outgoing,
        other: outgoing ? link.to : link.from,
        note: link.note,
        removed: link.removedAt !== null,
        by: label(link.createdBy, link.createdByPartyId),
        mayRemove: link.removedAt === null && may["facts.link"] && mayRemoveLink(actor, link),
      };
    }),
    answeredBy: answers.map((answer) => ({ questionId: answer.question.id, question: answer.question.question, at: answer.createdAt })),
    proposedBy: label(fact.proposedBy, fact.proposedByPartyId),
    myParty: myParty ? { id: myParty, name: partyName.get(myParty) ?? "" } : null,
    may: {
      ...may,
      edit: may["facts.edit"] && mayEditFact(actor, facts),
      wording: may["facts.wording.edit"] && mayEditWording(actor, facts),
      position: may["facts.position.record"] && myParty !== null,
    },
    statusOptions: may["facts.status.change"] ? statusOptions(actor, facts, result) : [],
  };
}

export type FactDetail = Awaited<ReturnType<typeof factDetail>>;

/** Codes and titles of the table's records, for link targets and answers. */
export async function factChoices(db: Db, accountId: string, tableId: string) {
  await factActor(db, accountId, tableId, "facts.view");
  return db.fact.findMany({ where: { tableId }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true, status: true } });
}
