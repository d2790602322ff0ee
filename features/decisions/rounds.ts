// Rounds: the parties answer on a frozen version, on the one scale of every round in Tafel, and
// the result is evaluated against the decision rule the table had when the round opened. Used
// for endorsing the problem statement now, and by meetings (consensus checks) and measures.
// Each command checks the role (features/tables/policy.ts) and the record (./round-policy.ts),
// validates its input, writes in one short transaction and records an audit event. A round past
// its deadline is closed when it is next read or acted on, as of its deadline.
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RoundSubject } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { parseDocName } from "../docs/names.ts";
import { findVersion } from "../docs/versions.ts";
import { isUuid } from "../identity/sessions.ts";
import { documentPath } from "../notifications/model.ts";
import { notifyDelegates } from "../notifications/notify.ts";
import { AppError, ERROR_CODES, type ErrorCode } from "../shared/app-error.ts";
import { amsterdamTimeToInstant } from "../shared/dates.ts";
import { authorize, type MemberContext } from "../tables/queries.ts";
import { countedParties } from "./counted-parties.ts";
import { answerRefusal, closeRefusal, isRoundOver, openRefusal, type RoundActor, reasonRequired } from "./round-policy.ts";
import { ANSWER_SCALE, type CountedParty, evaluateRound, type RoundAnswer, type RoundResult } from "./rules.ts";

type Tx = Prisma.TransactionClient;

/** What a round on a version of this document asks about. */
function subjectOf(docName: string): RoundSubject {
  const ref = parseDocName(docName);
  if (ref?.kind === "problem") return "problem_statement";
  // A meeting's minutes: each party approves (support) or requests changes (cannot support, with its reason).
  if (ref?.kind === "minutes") return "minutes";
  // A frozen version of a measure, endorsed by the parties as the problem statement is.
  if (ref?.kind === "measure") return "measure";
  throw new AppError("NOT_FOUND");
}

function actorOf(member: MemberContext): RoundActor {
  return { role: member.role, partyId: member.partyId };
}

function refuse(code: ErrorCode | null): void {
  if (code) throw new AppError(code);
}

const openSchema = z.object({
  versionId: z.string(),
  deadline: z.string().trim(),
});

const answerSchema = z
  .object({
    answer: z.enum(ANSWER_SCALE, { message: "ROUND_ANSWER_INVALID" }),
    reason: z.string().trim().max(4000, { message: "FACT_TEXT_TOO_LONG" }).default(""),
  })
  .superRefine((input, ctx) => {
    // A reservation, standing aside or an objection means something to the table only with its reason.
    if (reasonRequired(input.answer) && input.reason.length < 3) {
      ctx.addIssue({ code: "custom", message: "ROUND_REASON_REQUIRED", path: ["reason"] });
    }
  });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const message = first?.message ?? "";
  const code: ErrorCode = (ERROR_CODES as readonly string[]).includes(message) ? (message as ErrorCode) : "INVALID_INPUT";
  throw new AppError(code, { field: (first?.path ?? []).map(String).join(".") });
}

/** Opens a round on a frozen version, with a deadline (Amsterdam time, as a datetime-local value). */
export async function openRound(
  db: Db,
  accountId: string,
  tableId: string,
  input: { versionId: string; deadline: string },
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "rounds.open");
  const data = parse(openSchema, input);
  const deadline = amsterdamTimeToInstant(data.deadline);
  if (!deadline) throw new AppError("ROUND_DEADLINE_INVALID", { field: "deadline" });
  const version = await findVersion(db, tableId, data.versionId);
  const subject = subjectOf(version.docName);
  await settleExpired(db, tableId, now);
  return db.$transaction(async (tx) => {
    const latest = await tx.docVersion.findFirst({
      where: { docName: version.docName },
      orderBy: { number: "desc" },
      select: { id: true },
    });
    const openOnDoc = await tx.round.count({ where: { tableId, closedAt: null, version: { docName: version.docName } } });
    const forVersion = await tx.round.count({ where: { versionId: version.id } });
    const counted = await countedParties(tx, tableId);
    refuse(
      openRefusal(actorOf(member), {
        countedParties: counted.length,
        latestVersion: latest?.id === version.id,
        openRoundOnDoc: openOnDoc > 0,
        roundForVersion: forVersion > 0,
        deadline,
        now,
      }),
    );
    const table = await tx.table.findUniqueOrThrow({ where: { id: tableId }, select: { decisionRule: true } });
    const round = await tx.round.create({
      data: {
        tableId,
        subject,
        versionId: version.id,
        rule: table.decisionRule,
        deadline,
        openedBy: member.id,
        openedAt: now,
        parties: {
          create: counted.map((party, position) => ({ partyId: party.id, partyType: party.type, partyName: party.name, position })),
        },
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "round.opened", tableId, data: { by: member.id, round: round.id, version: version.number, rule: table.decisionRule } },
      now,
    );
    await notifyDelegates(tx, tableId, counted, "round_opened", documentPath(version.docName), now);
    return round;
  });
}

async function findRound(db: Db | Tx, tableId: string, roundId: string) {
  if (!isUuid(roundId)) throw new AppError("NOT_FOUND");
  const round = await db.round.findFirst({
    where: { id: roundId, tableId },
    select: {
      id: true,
      closedAt: true,
      deadline: true,
      rule: true,
      version: { select: { number: true } },
      parties: { select: { partyId: true } },
    },
  });
  if (!round) throw new AppError("NOT_FOUND");
  return round;
}

/** A delegate answers for their own party (from the membership, never from a form), until the round closes. */
export async function answerRound(
  db: Db,
  accountId: string,
  tableId: string,
  roundId: string,
  input: { answer: string; reason?: string },
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "rounds.answer");
  await settleExpired(db, tableId, now);
  const round = await findRound(db, tableId, roundId);
  const state = { closedAt: round.closedAt, deadline: round.deadline, countedPartyIds: round.parties.map((p) => p.partyId) };
  refuse(answerRefusal(actorOf(member), state, now));
  const data = parse(answerSchema, input);
  const partyId = member.partyId as string;
  return db.$transaction(async (tx) => {
    // Holds the round while the answer goes in, so a close cannot evaluate without it.
    const open = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Round" WHERE id = ${round.id}::uuid AND "closedAt" IS NULL FOR UPDATE`;
    if (open.length === 0) throw new AppError("ROUND_CLOSED");
    const earlier = await tx.roundAnswer.count({ where: { roundId: round.id, partyId } });
    const answer = await tx.roundAnswer.create({
      data: { roundId: round.id, partyId, answer: data.answer, reason: data.reason, answeredBy: member.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: earlier > 0 ? "round.answer_changed" : "round.answered",
        tableId,
        // The party speaks: the log names the party, never the delegate who answered for it.
        data: { asParty: partyId, recordedBy: member.id, round: round.id, version: round.version?.number ?? null, answer: data.answer },
      },
      now,
    );
    return answer;
  });
}

/** The chair (or the facilitator) closes a round before its deadline; the result is recorded. */
export async function closeRound(db: Db, accountId: string, tableId: string, roundId: string, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "rounds.close");
  await settleExpired(db, tableId, now);
  const round = await findRound(db, tableId, roundId);
  refuse(closeRefusal(actorOf(member), round, now));
  const result = await db.$transaction((tx) => closeRoundInTx(tx, tableId, round.id, { closedAt: now, closedBy: member.id }, now));
  if (!result) throw new AppError("ROUND_CLOSED");
  return result;
}

/** Closes, as of their deadline, the rounds of a table whose deadline has passed. */
export async function settleExpired(db: Db, tableId: string, now = new Date()): Promise<number> {
  const expired = await db.round.findMany({
    where: { tableId, closedAt: null, deadline: { lte: now } },
    select: { id: true, deadline: true },
  });
  for (const round of expired) {
    await db.$transaction((tx) => closeRoundInTx(tx, tableId, round.id, { closedAt: round.deadline, closedBy: null }, now));
  }
  return expired.length;
}

/** The latest answer per party given up to `until`, from answers in any order. */
export function latestAnswers<T extends { partyId: string; createdAt: Date; id: string }>(
  answers: readonly T[],
  until: Date | null,
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const answer of answers) {
    if (until && answer.createdAt.getTime() > until.getTime()) continue;
    const known = latest.get(answer.partyId);
    if (
      !known ||
      known.createdAt < answer.createdAt ||
      (known.createdAt.getTime() === answer.createdAt.getTime() && known.id < answer.id)
    ) {
      latest.set(answer.partyId, answer);
    }
  }
  return latest;
}

/** Closes a round inside the caller's transaction and records its result; null when it was already closed. */
export async function closeRoundInTx(
  tx: Tx,
  tableId: string,
  roundId: string,
  close: { closedAt: Date; closedBy: string | null },
  now: Date,
) {
  const round = await tx.round.findUniqueOrThrow({
    where: { id: roundId },
    select: { rule: true, version: { select: { number: true } }, parties: { orderBy: { position: "asc" } }, answers: true },
  });
  const latest = latestAnswers(round.answers, close.closedAt);
  const parties: CountedParty[] = round.parties.map((party) => {
    const answer = latest.get(party.partyId);
    return {
      partyId: party.partyId,
      partyType: party.partyType,
      answer: (answer?.answer as RoundAnswer | undefined) ?? null,
      reason: answer?.reason ?? "",
    };
  });
  const result = evaluateRound(round.rule, parties);
  // Only if nobody closed it meanwhile.
  const closed = await tx.round.updateMany({
    where: { id: roundId, closedAt: null },
    data: {
      closedAt: close.closedAt,
      closedBy: close.closedBy,
      passed: result.passed,
      result: { ...result, parties } as unknown as Prisma.InputJsonValue,
    },
  });
  if (closed.count === 0) return null;
  for (const party of parties) {
    await tx.roundParty.update({
      where: { roundId_partyId: { roundId, partyId: party.partyId } },
      data: { finalAnswer: party.answer, finalReason: party.reason },
    });
  }
  await recordAudit(
    tx,
    {
      action: "round.closed",
      tableId,
      data: {
        ...(close.closedBy ? { by: close.closedBy } : { atDeadline: true }),
        round: roundId,
        version: round.version?.number ?? null,
        passed: result.passed,
        sexWorkerObjection: result.sexWorkerObjection,
      },
    },
    now,
  );
  return result;
}

export type RoundView = Awaited<ReturnType<typeof roundsOf>>[number];

/** Every round on versions of a document, newest first, for a member who may see rounds. */
export async function roundsOf(db: Db, accountId: string, tableId: string, name: string, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "rounds.view");
  await settleExpired(db, tableId, now);
  const rounds = await db.round.findMany({
    where: { tableId, version: { docName: name } },
    orderBy: { openedAt: "desc" },
    select: {
      id: true,
      rule: true,
      deadline: true,
      openedAt: true,
      closedAt: true,
      closedBy: true,
      passed: true,
      result: true,
      version: { select: { id: true, number: true } },
      parties: { orderBy: { position: "asc" } },
      answers: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  const actor = actorOf(member);
  return rounds.map((round) => {
    const over = isRoundOver(round, now);
    const latest = latestAnswers(round.answers, round.closedAt);
    const state = { closedAt: round.closedAt, deadline: round.deadline, countedPartyIds: round.parties.map((p) => p.partyId) };
    return {
      id: round.id,
      rule: round.rule,
      deadline: round.deadline,
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      closedAtDeadline: round.closedAt !== null && round.closedBy === null,
      open: !over,
      version: round.version,
      result: (round.result as RoundResult | null) ?? null,
      // Each counted party with the answer that counts (so far, or at close) and its history.
      // Answers are the party's: no person is named.
      parties: round.parties.map((party) => {
        const answer = latest.get(party.partyId);
        return {
          partyId: party.partyId,
          partyType: party.partyType,
          name: party.partyName,
          answer: (round.closedAt ? party.finalAnswer : (answer?.answer ?? null)) as RoundAnswer | null,
          reason: round.closedAt ? party.finalReason : (answer?.reason ?? ""),
          history: round.answers
            .filter((a) => a.partyId === party.partyId)
            .map((a) => ({ id: a.id, answer: a.answer as RoundAnswer, reason: a.reason, at: a.createdAt })),
        };
      }),
      /** The party this member may answer for now, or null. */
      answerAs: answerRefusal(actor, state, now) === null ? member.partyId : null,
      mayClose: closeRefusal(actor, round, now) === null && member.table.status !== "closed",
    };
  });
}
