import type { MeasureStatus } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { minutesStagesOf } from "../meetings/minutes-stage.ts";
import type { MinutesStage } from "../meetings/policy.ts";
import { actorFor } from "../tables/policy.ts";
import { type MemberContext, membershipOf, membershipsOf } from "../tables/queries.ts";
import { type DocRef, parseDocName } from "./names.ts";
import { type DocAccess, docAccessFor } from "./policy.ts";

export type { DocAccess } from "./policy.ts";

/** The rule for one kind of document, given the account's place at the owning table. */
function accessByPolicy(
  accountId: string,
  ref: DocRef,
  membership: MemberContext | null,
  partiesAtTables: Set<string>,
  minutes: Map<string, MinutesStage> = new Map(),
  measures: Map<string, MeasureStatus> = new Map(),
): DocAccess {
  if (!membership) return "none";
  const actor = { ...actorFor(accountId, membership), partyId: membership.partyId };
  const partyAtTable = ref.kind !== "perspective" || partiesAtTables.has(`${ref.tableId}:${ref.partyId}`);
  const stage = ref.kind === "minutes" ? (minutes.get(`${ref.tableId}:${ref.meetingId}`) ?? "none") : undefined;
  const measure = ref.kind === "measure" ? (measures.get(`${ref.tableId}:${ref.measureId}`) ?? null) : undefined;
  return docAccessFor(actor, ref, membership.table, { partyAtTable, minutes: stage, measure });
}

/** Where the minutes named by these documents stand. */
function minutesOf(db: Db, refs: (DocRef | null)[]): Promise<Map<string, MinutesStage>> {
  return minutesStagesOf(
    db,
    refs.flatMap((ref) => (ref?.kind === "minutes" ? [{ tableId: ref.tableId, meetingId: ref.meetingId }] : [])),
  );
}

/** The status of the measures named by these documents, as `${tableId}:${measureId}`. */
async function measuresOf(db: Db, refs: (DocRef | null)[]): Promise<Map<string, MeasureStatus>> {
  const ids = [...new Set(refs.flatMap((ref) => (ref?.kind === "measure" ? [ref.measureId] : [])))];
  if (ids.length === 0) return new Map();
  const measures = await db.measure.findMany({ where: { id: { in: ids } }, select: { id: true, tableId: true, status: true } });
  return new Map(measures.map((measure) => [`${measure.tableId}:${measure.id}`, measure.status]));
}

/** Which perspective documents name a party of their own table, as `${tableId}:${partyId}`. */
async function partiesOf(db: Db, refs: (DocRef | null)[]): Promise<Set<string>> {
  const ids = [...new Set(refs.flatMap((ref) => (ref?.kind === "perspective" ? [ref.partyId] : [])))];
  if (ids.length === 0) return new Set();
  const parties = await db.party.findMany({ where: { id: { in: ids } }, select: { id: true, tableId: true } });
  return new Set(parties.map((party) => `${party.tableId}:${party.id}`));
}

/** What an account may do with a live document, from the same policy the pages use. */
export async function docAccess(db: Db, accountId: string, name: string): Promise<DocAccess> {
  const ref = parseDocName(name);
  if (!ref) return "none";
  const membership = await membershipOf(db, accountId, ref.tableId);
  if (!membership) return "none";
  return accessByPolicy(accountId, ref, membership, await partiesOf(db, [ref]), await minutesOf(db, [ref]), await measuresOf(db, [ref]));
}

/** docAccess for many (account, document) pairs with one membership query, in the same order. */
export async function docAccessMany(db: Db, requests: { accountId: string; name: string }[]): Promise<DocAccess[]> {
  const refs = requests.map((request) => parseDocName(request.name));
  const memberships = await membershipsOf(
    db,
    requests.flatMap((request, i) => {
      const ref = refs[i];
      return ref ? [{ accountId: request.accountId, tableId: ref.tableId }] : [];
    }),
  );
  const parties = await partiesOf(db, refs);
  const minutes = await minutesOf(db, refs);
  const measures = await measuresOf(db, refs);
  return requests.map((request, i) => {
    const ref = refs[i];
    if (!ref) return "none";
    return accessByPolicy(
      request.accountId,
      ref,
      memberships.get(`${request.accountId}:${ref.tableId}`) ?? null,
      parties,
      minutes,
      measures,
    );
  });
}
