// The starter set: the figures that recur in Dutch debates on sex work and trafficking (national
// estimates, registrations, Amsterdam reports, coercion claims, sector counts, surveys), each
// with its counted object, base, method, source and citation chain, and the links between them.
// A facilitator imports it into a new table; every record starts as "proposed".
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { FactLinkType } from "../../generated/prisma/enums.ts";
import { type Locale, toLocale } from "../../i18n/locales.ts";
import type { Db } from "../../prisma/db.ts";
import { auditEventData } from "../audit/record.ts";
import { parseFact } from "./commands.ts";
import { type FactData, type FactInput, SYMMETRIC_LINK_TYPES } from "./model.ts";
import { factActor } from "./records.ts";
import starter from "./starter-set.json" with { type: "json" };

type Nullable<T> = T | null;
type StarterRecord = {
  id: string;
  title: string;
  statement: string;
  value: {
    kind: FactInput["valueKind"];
    point: Nullable<number>;
    low: Nullable<number>;
    high: Nullable<number>;
    qualifier: Nullable<string>;
    display: string;
  };
  unit: Nullable<string>;
  numerator: Nullable<{ description: string; count: Nullable<number> }>;
  denominator: Nullable<{ description: string; count: Nullable<number> }>;
  n: Nullable<number>;
  unknown_share: Nullable<{ value: Nullable<number>; description: string }>;
  breakdown: { label: string; value: Nullable<number>; qualifier: Nullable<string>; unit: Nullable<string> }[];
  counted_object: Nullable<string>;
  definition_used: Nullable<string>;
  time_basis: {
    reference_period: Nullable<string>;
    period_kind: Nullable<string>;
    publication: Nullable<string>;
    ambiguity: Nullable<string>;
  };
  geography: Nullable<string>;
  sector_scope: Nullable<string>;
  evidence_kind: FactInput["evidenceKind"];
  method: {
    description: Nullable<string>;
    assumptions: { text: string; status: string; assessed_by: Nullable<string> }[];
    weaknesses: string[];
  };
  source: { seed_title: string; locator: Nullable<string>; original_source: Nullable<string> };
  citation_chain: string[];
  caveats: string[];
  relations: { type: string; target: string; note: Nullable<string> }[];
  frame_note: Nullable<string>;
};

export const STARTER_SET = starter as unknown as StarterRecord[];

/** Records per transaction when importing. */
const IMPORT_BATCH = 10;

/** The starter set's records are written in English; the table's texts may differ. */
export const STARTER_LANGUAGE = "en";

/** Topics by the prefix of a record's reference, named in the table's language. */
const TOPICS: Record<string, Record<Locale, string>> = {
  NRM: { nl: "Schattingen Nationaal Rapporteur", en: "National Rapporteur estimates", es: "Estimaciones de la Relatoría Nacional" },
  CMS: { nl: "Registraties CoMensha", en: "CoMensha registrations", es: "Registros de CoMensha" },
  AMS: { nl: "Meldingen Amsterdam 2016–2017", en: "Amsterdam reports 2016–2017", es: "Denuncias en Ámsterdam 2016–2017" },
  COE: { nl: "Aandeel gedwongen", en: "Share coerced", es: "Proporción forzada" },
  SEC: { nl: "Omvang van de branche", en: "Size of the sector", es: "Tamaño del sector" },
  VIO: { nl: "Geweld tegen sekswerkers", en: "Violence against sex workers", es: "Violencia contra trabajadoras y trabajadores sexuales" },
  CAS: { nl: "Dossier- en casusonderzoek", en: "Case-file studies", es: "Estudios de expedientes" },
  INT: { nl: "Internationaal en context", en: "International and context", es: "Internacional y contexto" },
  REG: { nl: "Regelgeving", en: "Regulation", es: "Normativa" },
  CARE: { nl: "Zorg", en: "Care", es: "Atención social" },
};

/**
 * The starter set's relation types mapped onto the register's links. "Possibly conflated" (one
 * figure from one study read with two meanings) is a same-source-read-differently link.
 */
export const STARTER_LINK_TYPES: Record<string, FactLinkType> = {
  contradicts: "contradicts",
  corroborates: "corroborates",
  same_data_different_denominator: "same_data_different_denominator",
  possibly_conflated: "same_source_read_differently",
  supersedes: "supersedes",
  scope_differs: "scope_differs",
  part_of: "part_of",
  derived_from: "derived_from",
};

// CoMensha 2016 counted reports by the border police that 2017 leaves out: a change of
// definition, so the two years are not a trend (recorded in the set as a difference of scope).
const DEFINITION_CHANGES = new Set(["CMS-03>CMS-05", "CMS-05>CMS-03", "CMS-06>CMS-03"]);

export function starterLinkType(from: string, relation: { type: string; target: string }): FactLinkType | null {
  if (DEFINITION_CHANGES.has(`${from}>${relation.target}`)) return "definition_changed";
  return STARTER_LINK_TYPES[relation.type] ?? null;
}

const orEmpty = (value: Nullable<string> | undefined) => value ?? "";

export function starterTopic(code: string, language: string): string {
  const topic = TOPICS[code.split("-")[0] ?? ""];
  if (!topic) return "";
  return topic[toLocale(language)];
}

/** One starter record as register input, validated by the same schema as a typed-in record. */
export function starterInput(record: StarterRecord, tableLanguage: string): FactInput {
  return {
    code: record.id,
    title: record.title,
    statement: record.statement,
    language: STARTER_LANGUAGE,
    topic: starterTopic(record.id, tableLanguage),
    valueKind: record.value.kind,
    valuePoint: record.value.point,
    valueLow: record.value.low,
    valueHigh: record.value.high,
    qualifier: record.value.qualifier as FactInput["qualifier"],
    valueDisplay: record.value.display,
    unit: orEmpty(record.unit),
    percentage: record.value.kind === "share" || orEmpty(record.unit).startsWith("%"),
    numeratorDescription: orEmpty(record.numerator?.description),
    numeratorCount: record.numerator?.count ?? null,
    denominatorDescription: orEmpty(record.denominator?.description),
    denominatorCount: record.denominator?.count ?? null,
    // Whether an unstated denominator is really unknown is for the table to settle.
    denominatorUnknown: false,
    sampleSize: record.n,
    unknownShare: record.unknown_share?.value ?? null,
    unknownShareDescription: orEmpty(record.unknown_share?.description),
    breakdown: record.breakdown.map((item) => ({
      label: item.label,
      value: item.value,
      qualifier: item.qualifier as FactData["qualifier"],
      unit: orEmpty(item.unit),
    })),
    countedObject: orEmpty(record.counted_object),
    definitionUsed: orEmpty(record.definition_used),
    referencePeriod: orEmpty(record.time_basis.reference_period),
    periodKind: orEmpty(record.time_basis.period_kind),
    publication: orEmpty(record.time_basis.publication),
    timeAmbiguity: orEmpty(record.time_basis.ambiguity),
    geography: orEmpty(record.geography),
    sectorScope: orEmpty(record.sector_scope),
    evidenceKind: record.evidence_kind,
    methodDescription: orEmpty(record.method.description),
    assumptions: record.method.assumptions.map((assumption) => ({
      text: assumption.text,
      status: assumption.status as "met",
      assessedBy: orEmpty(assumption.assessed_by),
    })),
    weaknesses: record.method.weaknesses,
    sourceTitle: record.source.seed_title,
    sourceLocator: orEmpty(record.source.locator),
    originalSource: orEmpty(record.source.original_source),
    citationChain: record.citation_chain,
    caveats: record.caveats,
    frameNote: orEmpty(record.frame_note),
  };
}

/**
 * Imports the starter set into a table. Records whose reference the table already uses are
 * skipped, so importing again adds nothing twice; links are made between the records present.
 */
export async function importStarterSet(db: Db, accountId: string, tableId: string, now = new Date()) {
  const { member } = await factActor(db, accountId, tableId, "facts.import");
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { languages: true } });
  const language = table.languages[0] ?? "nl";
  const existing = await db.fact.findMany({ where: { tableId }, select: { id: true, code: true, starterId: true } });
  const taken = new Set(existing.map((fact) => fact.code));
  // Links only join records that came from the set, never a table's own record that shares a code.
  const ids = new Map(existing.filter((fact) => fact.starterId === fact.code).map((fact) => [fact.code, fact.id]));
  const fresh = STARTER_SET.filter((record) => !taken.has(record.id)).map((record) => {
    const data = parseFact(starterInput(record, language));
    const id = randomUUID();
    ids.set(data.code, id);
    return { id, record, data };
  });
  const links = starterLinks(STARTER_SET, ids);
  // Removed links count as known too: importing again does not bring back what the table removed.
  const existingLinks = await db.factLink.findMany({ where: { tableId }, select: { fromFactId: true, toFactId: true, type: true } });
  const known = new Set(existingLinks.map((link) => linkKey(link.fromFactId, link.toFactId, link.type)));
  const newLinks = links.filter((link) => !known.has(linkKey(link.fromFactId, link.toFactId, link.type)));

  // In small batches, each one short transaction of records with their first revision, so a
  // large set never holds the database for long. Should one batch fail, importing again adds
  // exactly what is missing: records whose reference is present are skipped.
  for (let offset = 0; offset < fresh.length; offset += IMPORT_BATCH) {
    const batch = fresh.slice(offset, offset + IMPORT_BATCH);
    await db.$transaction([
      db.fact.createMany({
        data: batch.map(({ id, data }) => ({
          ...data,
          breakdown: data.breakdown as Prisma.InputJsonValue,
          assumptions: data.assumptions as Prisma.InputJsonValue,
          id,
          tableId,
          proposedBy: member.id,
          starterId: data.code,
          createdAt: now,
          updatedAt: now,
        })),
      }),
      db.factRevision.createMany({
        data: batch.map(({ id, data }) => ({
          factId: id,
          revision: 1,
          content: { ...data, citationWording: "" } as Prisma.InputJsonValue,
          editedBy: member.id,
          note: "starter set",
          createdAt: now,
        })),
      }),
    ]);
  }
  await db.$transaction([
    db.factLink.createMany({ data: newLinks.map((link) => ({ ...link, tableId, createdBy: member.id, createdAt: now })) }),
    db.auditEvent.create(
      auditEventData({ action: "facts.imported", tableId, data: { by: member.id, count: fresh.length, links: newLinks.length } }, now),
    ),
  ]);
  return { imported: fresh.length, skipped: STARTER_SET.length - fresh.length, links: newLinks.length };
}

function linkKey(from: string, to: string, type: FactLinkType): string {
  const [a, b] = SYMMETRIC_LINK_TYPES.includes(type) && to < from ? [to, from] : [from, to];
  return `${a}:${b}:${type}`;
}

/** The set's relations as links, one per pair for links that read the same from both sides. */
function starterLinks(records: readonly StarterRecord[], ids: Map<string, string>) {
  const links = new Map<string, { fromFactId: string; toFactId: string; type: FactLinkType; note: string }>();
  for (const record of records) {
    for (const relation of record.relations) {
      const type = starterLinkType(record.id, relation);
      const fromFactId = ids.get(record.id);
      const toFactId = ids.get(relation.target);
      if (!type || !fromFactId || !toFactId) continue;
      const key = linkKey(fromFactId, toFactId, type);
      const known = links.get(key);
      // Of two notes on the same pair, keep the one that says something.
      if (!known || (!known.note && relation.note)) links.set(key, { fromFactId, toFactId, type, note: orEmpty(relation.note) });
    }
  }
  return [...links.values()];
}
