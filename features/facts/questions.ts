// Fact questions: what the table wants to know, who will find out and by when, and the answers
// with the fact records they produced. Questions raised while drafting a document carry its
// reference (sourceRef). Answers are appended, so a later answer never hides an earlier one.
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { NAMED_MEMBER, permissionsOf } from "../tables/queries.ts";
import { answerInputSchema, parseOrThrow, questionInputSchema } from "./model.ts";
import { mayAnswerQuestion, mayWithdrawQuestion } from "./policy.ts";
import { attributedParty, auditActor, factActor, fieldError } from "./records.ts";

export async function askQuestion(
  db: Db,
  accountId: string,
  tableId: string,
  input: { question: unknown; assigneePartyId?: unknown; assigneeNote?: unknown; dueOn?: unknown; sourceRef?: unknown },
  now = new Date(),
) {
  const { member } = await factActor(db, accountId, tableId, "facts.questions.ask");
  const data = parseOrThrow(questionInputSchema, input, fieldError);
  if (data.assigneePartyId) {
    const party = isUuid(data.assigneePartyId)
      ? await db.party.findFirst({ where: { id: data.assigneePartyId, tableId }, select: { id: true } })
      : null;
    if (!party) throw fieldError("INVALID_INPUT", "assigneePartyId");
  }
  return db.$transaction(async (tx) => {
    const question = await tx.factQuestion.create({
      data: {
        tableId,
        question: data.question,
        assigneePartyId: data.assigneePartyId,
        assigneeNote: data.assigneeNote,
        dueOn: data.dueOn ? new Date(`${data.dueOn}T00:00:00Z`) : null,
        sourceRef: data.sourceRef,
        createdBy: member.id,
        createdByPartyId: attributedParty(member),
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "fact.question_asked", tableId, data: { ...auditActor(member), question: question.id } }, now);
    return question;
  });
}

async function findQuestion(db: Db, tableId: string, questionId: string) {
  if (!isUuid(questionId)) throw new AppError("NOT_FOUND");
  const question = await db.factQuestion.findFirst({ where: { id: questionId, tableId }, include: { answers: { select: { id: true } } } });
  if (!question) throw new AppError("NOT_FOUND");
  return question;
}

/** Answers a question, linking the fact records the answer produced (records of this table only). */
export async function answerQuestion(
  db: Db,
  accountId: string,
  tableId: string,
  questionId: string,
  input: { text: unknown; factIds?: unknown },
  now = new Date(),
) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.questions.answer");
  const question = await findQuestion(db, tableId, questionId);
  if (question.withdrawnAt) throw new AppError("FACT_QUESTION_CLOSED");
  if (!mayAnswerQuestion(actor, { assigneePartyId: question.assigneePartyId, withdrawn: false })) throw new AppError("FORBIDDEN");
  const data = parseOrThrow(answerInputSchema, input, fieldError);
  const factIds = [...new Set(data.factIds.filter(Boolean))];
  if (factIds.some((id) => !isUuid(id))) throw fieldError("INVALID_INPUT", "factIds");
  if (factIds.length && (await db.fact.count({ where: { tableId, id: { in: factIds } } })) !== factIds.length) {
    throw fieldError("INVALID_INPUT", "factIds");
  }
  return db.$transaction(async (tx) => {
    const answer = await tx.factAnswer.create({
      data: { questionId: question.id, text: data.text, factIds, answeredBy: member.id, partyId: attributedParty(member), createdAt: now },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "fact.question_answered", tableId, data: { ...auditActor(member), question: question.id, count: factIds.length } },
      now,
    );
    return answer;
  });
}

export async function withdrawQuestion(db: Db, accountId: string, tableId: string, questionId: string, now = new Date()) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.questions.ask");
  const question = await findQuestion(db, tableId, questionId);
  const state = { createdBy: question.createdBy, withdrawn: question.withdrawnAt !== null, answered: question.answers.length > 0 };
  if (!mayWithdrawQuestion(actor, state)) throw new AppError(state.withdrawn ? "FACT_QUESTION_CLOSED" : "FORBIDDEN");
  await db.$transaction(async (tx) => {
    await tx.factQuestion.update({ where: { id: question.id }, data: { withdrawnAt: now, withdrawnBy: member.id } });
    await recordAudit(tx, { action: "fact.question_withdrawn", tableId, data: { ...auditActor(member), question: question.id } }, now);
  });
}

/** Every question of the table with its answers and the records they produced. */
export async function questionsOf(db: Db, accountId: string, tableId: string) {
  const { member, actor } = await factActor(db, accountId, tableId, "facts.view");
  const may = permissionsOf(member);
  const questions = await db.factQuestion.findMany({
    where: { tableId },
    orderBy: [{ createdAt: "desc" }],
    include: { answers: { orderBy: { createdAt: "asc" } } },
  });
  const parties = await db.party.findMany({ where: { tableId }, select: { id: true, name: true } });
  const memberships = await db.membership.findMany({
    where: { tableId, ...NAMED_MEMBER },
    select: { id: true, account: { select: { pseudonym: true } } },
  });
  const facts = await db.fact.findMany({ where: { tableId }, select: { id: true, code: true, title: true } });
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  const pseudonym = new Map(memberships.map((m) => [m.id, m.account.pseudonym]));
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const by = (membershipId: string, partyId: string | null) =>
    partyId ? (partyName.get(partyId) ?? null) : (pseudonym.get(membershipId) ?? null);
  return questions.map((question) => {
    const state = { createdBy: question.createdBy, withdrawn: question.withdrawnAt !== null, answered: question.answers.length > 0 };
    return {
      id: question.id,
      question: question.question,
      assignee: question.assigneePartyId ? { id: question.assigneePartyId, name: partyName.get(question.assigneePartyId) ?? null } : null,
      assigneeNote: question.assigneeNote,
      dueOn: question.dueOn,
      sourceRef: question.sourceRef,
      askedBy: by(question.createdBy, question.createdByPartyId),
      askedAt: question.createdAt,
      status: state.withdrawn ? ("withdrawn" as const) : state.answered ? ("answered" as const) : ("open" as const),
      answers: question.answers.map((answer) => ({
        id: answer.id,
        text: answer.text,
        at: answer.createdAt,
        by: by(answer.answeredBy, answer.partyId),
        facts: answer.factIds.flatMap((id) => {
          const fact = factOf.get(id);
          return fact ? [fact] : [];
        }),
      })),
      mayAnswer:
        may["facts.questions.answer"] &&
        mayAnswerQuestion(actor, { assigneePartyId: question.assigneePartyId, withdrawn: state.withdrawn }),
      mayWithdraw: may["facts.questions.ask"] && mayWithdrawQuestion(actor, state),
    };
  });
}
