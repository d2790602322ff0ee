// Writes to the fact register. Each command checks the role (features/tables/policy.ts) and the
// record (./policy.ts), validates its input, writes in one short transaction and records what it
// did in the table's activity log. Nothing is overwritten: edits add revisions, positions and
// status changes are appended, links and records are retired rather than deleted.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import type { MemberContext } from "../tables/queries.ts";
import { evaluateStoredFact } from "./evaluation.ts";
import {
  CODE_PATTERN,
  type FactData,
  type FactInput,
  factInputSchema,
  linkInputSchema,
  parseOrThrow,
  positionInputSchema,
  SYMMETRIC_LINK_TYPES,
  statusChangeSchema,
  wordingSchema,
} from "./model.ts";
import { EDITABLE_STATUSES, mayEditFact, mayEditWording, mayRemoveLink, positionPartyFor, statusChangeRefusal } from "./policy.ts";
import { attributedParty, auditActor, contentOf, factActor, factFacts, fieldError, findFact } from "./records.ts";

export function parseFact(input: FactInput): FactData {
  return parseOrThrow(factInputSchema, input, fieldError);
}

/** The next free "F-001"-style reference at this table. */
async function nextCode(db: Prisma.TransactionClient, tableId: string): Promise<string> {
  const codes = await db.fact.findMany({ where: { tableId, code: { startsWith: "F-" } }, select: { code: true } });
  const highest = codes.reduce((max, { code }) => Math.max(max, Number(/^F-(\d+)$/.exec(code)?.[1] ?? 0)), 0);
  return `F-${String(highest + 1).padStart(3, "0")}`;
}

function codeTaken(error: unknown, code: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("FACT_CODE_TAKEN", { field: "code", code });
  }
  throw error;
}

function columns(data: FactData) {
  const { breakdown, assumptions, ...rest } = data;
  return { ...rest, breakdown: breakdown as Prisma.InputJsonValue, assumptions: assumptions as Prisma.InputJsonValue };
}

/** Anyone who may bring a figure proposes a record; a delegate's proposal is their party's. */
export async function proposeFact(db: Db, accountId: string, tableId: string, input: FactInput, now = new Date()) {
  const { member } = await factActor(db, accountId, tableId, "facts.propose");
  const data = parseFact(input);
  try {
    return await db.$transaction(async (tx) => {
      const code = data.code || (await nextCode(tx, tableId));
      const fact = await tx.fact.create({
        data: {
          ...columns(data),
          code,
          tableId,
          proposedBy: member.id,
          proposedByPartyId: attributedParty(member),
          createdAt: now,
          updatedAt: now,
        },
      });
      await tx.factRevision.create({
        data: {
          factId: fact.id,
          revision: 1,
          content: contentOf(fact) as Prisma.InputJsonValue,
          editedBy: member.id,
          partyId: attributedParty(member),
          createdAt: now,
        },
      });
      await recordAudit(tx, { action: "fact.proposed", tableId, data: { ...auditActor(member), fact: fact.id } }, now);
      return { id: fact.id, code };
    });
  } catch (error) {
    codeTaken(error, data.code);
  }
}

/** Corrects a record's content. The earlier content stays as a revision; positions on it go stale. */
export async function editFact(
  db: Db,
  accountId: string,
  tableId: string,
  factId: string,
  input: FactInput,
  options: { note?: string } = {},
  now = new Date(),
) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.edit");
  const fact = await findFact(db, tableId, factId);
  if (!mayEditFact(actor, fact)) throw new AppError(EDITABLE_STATUSES.includes(fact.status) ? "FORBIDDEN" : "FACT_NOT_EDITABLE");
  const data = parseFact(input);
  const code = data.code || fact.code;
  const next = { ...fact, ...data, code };
  if (stableJson(contentOf(next)) === stableJson(contentOf(fact))) return { id: fact.id, revision: fact.revision, changed: false };
  return writeRevision(db, member, fact, { ...columns(data), code }, (options.note ?? "").trim().slice(0, 500), "fact.edited", now).catch(
    (error) => codeTaken(error, code),
  );
}

/** The sentence the table will cite the figure with, drafted by the process roles. */
export async function setCitationWording(db: Db, accountId: string, tableId: string, factId: string, wording: string, now = new Date()) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.wording.edit");
  const fact = await findFact(db, tableId, factId);
  if (!mayEditWording(actor, fact)) throw new AppError(EDITABLE_STATUSES.includes(fact.status) ? "FORBIDDEN" : "FACT_NOT_EDITABLE");
  const citationWording = parseOrThrow(wordingSchema, wording, (code) => fieldError(code, "citationWording"));
  if (citationWording === fact.citationWording) return { id: fact.id, revision: fact.revision, changed: false };
  return writeRevision(db, member, fact, { citationWording }, "", "fact.wording_changed", now);
}

/** JSON with sorted keys: the database stores JSON objects with its own key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

async function writeRevision(
  db: Db,
  member: MemberContext,
  fact: Awaited<ReturnType<typeof findFact>>,
  data: Prisma.FactUpdateInput,
  note: string,
  action: "fact.edited" | "fact.wording_changed",
  now: Date,
) {
  const revision = fact.revision + 1;
  return db.$transaction(async (tx) => {
    // Only if nobody else changed it meanwhile: the revision is the record's version.
    const updated = await tx.fact.updateMany({
      where: { id: fact.id, revision: fact.revision, status: { in: [...EDITABLE_STATUSES] } },
      data: { ...(data as Prisma.FactUpdateManyMutationInput), revision, updatedAt: now },
    });
    if (updated.count !== 1) throw new AppError("FACT_NOT_EDITABLE");
    const stored = await tx.fact.findUniqueOrThrow({ where: { id: fact.id } });
    await tx.factRevision.create({
      data: {
        factId: fact.id,
        revision,
        content: contentOf(stored) as Prisma.InputJsonValue,
        editedBy: member.id,
        partyId: attributedParty(member),
        note,
        createdAt: now,
      },
    });
    await recordAudit(tx, { action, tableId: fact.tableId, data: { ...auditActor(member), fact: fact.id, revision } }, now);
    return { id: fact.id, revision, changed: true };
  });
}

/**
 * The chair (or facilitator) moves a record between statuses. "Agreed" needs a source, a
 * settled denominator for shares, a citation wording and the decision rule met by the parties'
 * positions on the current revision; the evaluation is stored with the change.
 */
export async function changeFactStatus(
  db: Db,
  accountId: string,
  tableId: string,
  factId: string,
  input: { to: unknown; reason?: unknown },
  now = new Date(),
) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.status.change");
  const fact = await findFact(db, tableId, factId);
  const { to, reason } = parseOrThrow(statusChangeSchema, input, fieldError);
  const settles = to === "agreed" || to === "agreed_to_disagree";
  return db.$transaction(async (tx) => {
    // Evaluated inside the transaction, so no position can change between the check and the move.
    const { result } = await evaluateStoredFact(tx, tableId, fact);
    const refusal = statusChangeRefusal(actor, factFacts(fact), to, { result, reason });
    if (refusal === "FACT_RULE_NOT_MET") throw new AppError(refusal, { supporting: result.supporting, counted: result.counted });
    if (refusal === "FACT_RETIRE_REASON_REQUIRED") throw fieldError(refusal, "reason");
    if (refusal) throw new AppError(refusal);
    const updated = await tx.fact.updateMany({
      where: { id: fact.id, status: fact.status, revision: fact.revision },
      data: { status: to, updatedAt: now },
    });
    // Someone changed the record or its status meanwhile: the evaluation no longer holds.
    if (updated.count !== 1) throw new AppError("FACT_TRANSITION_INVALID");
    await tx.factStatusChange.create({
      data: {
        factId: fact.id,
        from: fact.status,
        to,
        reason,
        wording: settles ? fact.citationWording : "",
        result: { revision: fact.revision, ...result } as unknown as Prisma.InputJsonValue,
        by: member.id,
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      { action: "fact.status_changed", tableId, data: { by: member.id, fact: fact.id, fromStatus: fact.status, toStatus: to, reason } },
      now,
    );
    return { id: fact.id, status: to };
  });
}

/**
 * A delegate records their own party's position. The party comes from the membership; any
 * party named in the input is ignored. Earlier positions stay as the party's history.
 */
export async function recordPosition(
  db: Db,
  accountId: string,
  tableId: string,
  factId: string,
  input: { stance: unknown; reasoning?: unknown } & Record<string, unknown>,
  now = new Date(),
) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.position.record");
  const fact = await findFact(db, tableId, factId);
  const partyId = positionPartyFor(actor, fact);
  if (!partyId) throw new AppError(fact.status === "retired" ? "FACT_RETIRED" : "FORBIDDEN");
  const { stance, reasoning } = parseOrThrow(positionInputSchema, input, fieldError);
  return db.$transaction(async (tx) => {
    const previous = await tx.factPosition.findFirst({
      where: { factId: fact.id, partyId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, stance: true, reasoning: true, revision: true },
    });
    if (previous && previous.stance === stance && previous.reasoning === reasoning && previous.revision === fact.revision) {
      return { id: previous.id, partyId, changed: false };
    }
    const position = await tx.factPosition.create({
      data: { tableId, factId: fact.id, partyId, stance, reasoning, revision: fact.revision, recordedBy: member.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, { action: "fact.position_recorded", tableId, data: { ...auditActor(member), fact: fact.id, stance } }, now);
    return { id: position.id, partyId, changed: true };
  });
}

async function targetFact(db: Db, tableId: string, target: string) {
  const code = target.toUpperCase();
  const found = isUuid(target)
    ? await db.fact.findFirst({ where: { id: target, tableId }, select: { id: true } })
    : CODE_PATTERN.test(code)
      ? await db.fact.findFirst({ where: { code, tableId }, select: { id: true } })
      : null;
  if (!found) throw fieldError("FACT_LINK_TARGET_UNKNOWN", "target");
  return found;
}

/** Links two records of this table (contradicts, same data with another denominator, ...). */
export async function linkFacts(
  db: Db,
  accountId: string,
  tableId: string,
  factId: string,
  input: { type: unknown; target: unknown; note?: unknown },
  now = new Date(),
) {
  const { member } = await factActor(db, accountId, tableId, "facts.link");
  const fact = await findFact(db, tableId, factId);
  const { type, target, note } = parseOrThrow(linkInputSchema, input, fieldError);
  const other = await targetFact(db, tableId, target);
  if (other.id === fact.id) throw fieldError("FACT_LINK_SELF", "target");
  const pairs = SYMMETRIC_LINK_TYPES.includes(type)
    ? [
        { fromFactId: fact.id, toFactId: other.id },
        { fromFactId: other.id, toFactId: fact.id },
      ]
    : [{ fromFactId: fact.id, toFactId: other.id }];
  return db.$transaction(async (tx) => {
    const existing = await tx.factLink.findFirst({ where: { tableId, type, removedAt: null, OR: pairs }, select: { id: true } });
    if (existing) throw fieldError("FACT_LINK_EXISTS", "target");
    const link = await tx.factLink.create({
      data: {
        tableId,
        fromFactId: fact.id,
        toFactId: other.id,
        type,
        note,
        createdBy: member.id,
        createdByPartyId: attributedParty(member),
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "fact.linked", tableId, data: { ...auditActor(member), fact: fact.id, target: other.id, linkType: type } },
      now,
    );
    return link;
  });
}

/** Removes a link softly: it stays in the record's history as removed. */
export async function unlinkFacts(db: Db, accountId: string, tableId: string, linkId: string, now = new Date()) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.link");
  if (!isUuid(linkId)) throw new AppError("NOT_FOUND");
  const link = await db.factLink.findFirst({ where: { id: linkId, tableId, removedAt: null } });
  if (!link) throw new AppError("NOT_FOUND");
  if (!mayRemoveLink(actor, link)) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const updated = await tx.factLink.updateMany({
      where: { id: link.id, removedAt: null },
      data: { removedAt: now, removedBy: member.id },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await recordAudit(
      tx,
      {
        action: "fact.unlinked",
        tableId,
        data: { ...auditActor(member), fact: link.fromFactId, target: link.toFactId, linkType: link.type },
      },
      now,
    );
  });
}
