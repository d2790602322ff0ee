import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { factChoices } from "../../../../../features/facts/queries.ts";
import { questionsOf } from "../../../../../features/facts/questions.ts";
import { formatDateTime, formatDay } from "../../../../../features/shared/dates.ts";
import { listParties } from "../../../../../features/tables/parties.ts";
import { getDb } from "../../../../../prisma/db.ts";
import { answerQuestionAction, askQuestionAction, withdrawQuestionAction } from "../../../../_actions/facts.ts";
import { ActionForm } from "../../../../_components/action-form.tsx";
import { PartySelect } from "../../../../_components/selects.tsx";
import { loadTable } from "../../load-table.ts";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/facts/questions`);
  return { title: (await getTranslations("facts"))("questions.title", { table: table.title }) };
}

export default async function FactQuestionsPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/facts/questions`);
  const t = await getTranslations("facts");
  const locale = await getLocale();
  const questions = await questionsOf(getDb(), session.accountId, table.id);
  // The questions list above already authorised this member to read the table.
  const parties = await listParties(getDb(), table.id);
  const facts = await factChoices(getDb(), session.accountId, table.id);
  const day = (at: Date) => formatDay(at, locale);
  const when = (at: Date) => formatDateTime(at, locale);
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}/facts`}>← {t("back")}</Link>
      </p>
      <h1>{t("questions.title", { table: table.title })}</h1>
      <p className="lead">{t("questions.lead")}</p>

      {table.may["facts.questions.ask"] && (
        <section aria-labelledby="ask" className="card">
          <h2 id="ask" style={{ marginTop: 0 }}>
            {t("questions.ask")}
          </h2>
          <ActionForm action={askQuestionAction} submitLabel={t("questions.submit")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="question-text">{t("questions.question")}</label>
              <textarea id="question-text" name="question" rows={2} maxLength={1000} />
            </div>
            <div className="row">
              <PartySelect
                id="question-assignee"
                name="assigneePartyId"
                label={t("questions.assignee")}
                parties={parties}
                empty={t("questions.nobody")}
              />
              <div className="field">
                <label htmlFor="question-note">{t("questions.assigneeNote")}</label>
                <input id="question-note" type="text" name="assigneeNote" maxLength={300} />
              </div>
              <div className="field">
                <label htmlFor="question-due">{t("questions.dueOn")}</label>
                <input id="question-due" type="date" name="dueOn" />
              </div>
            </div>
          </ActionForm>
        </section>
      )}

      {questions.length === 0 ? (
        <p className="hint">{t("questions.none")}</p>
      ) : (
        <ol className="stack" style={{ paddingLeft: "1.25rem" }} data-testid="fact-questions">
          {questions.map((question) => (
            <li key={question.id} id={`q-${question.id}`}>
              <h2 style={{ fontSize: "1.05rem", margin: 0 }}>{question.question}</h2>
              <p className="hint" style={{ margin: 0 }}>
                <span className="badge">{t(`questions.statuses.${question.status}`)}</span>{" "}
                {question.assignee ? `${t("questions.assignee")}: ${question.assignee.name}` : t("questions.nobody")}
                {question.assigneeNote && ` (${question.assigneeNote})`}
                {question.dueOn && ` · ${t("questions.due", { date: day(question.dueOn) })}`}
                {` · ${t("questions.askedBy", { name: question.askedBy ?? t("formerMember") })}`}
                {question.sourceRef && ` · ${t("questions.sourceRef")}: ${question.sourceRef}`}
              </p>
              {question.answers.map((answer) => (
                <div key={answer.id} className="card">
                  <p style={{ margin: 0 }}>{answer.text}</p>
                  {answer.facts.length > 0 && (
                    <p style={{ margin: 0 }}>
                      {answer.facts.map((fact) => (
                        <Link key={fact.id} href={`/tables/${table.id}/facts/${fact.id}`} style={{ marginRight: "0.75rem" }}>
                          {fact.code} — {fact.title}
                        </Link>
                      ))}
                    </p>
                  )}
                  <p className="hint" style={{ margin: 0 }}>
                    {t("questions.answeredBy", { name: answer.by ?? t("formerMember"), at: when(answer.at) })}
                  </p>
                </div>
              ))}
              {question.mayAnswer && (
                <details>
                  <summary>{t("questions.answer")}</summary>
                  <ActionForm action={answerQuestionAction} submitLabel={t("questions.saveAnswer")} savedMessage={t("saved")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="questionId" value={question.id} />
                    <div className="field">
                      <label htmlFor={`answer-${question.id}`}>{t("questions.answerText")}</label>
                      <textarea id={`answer-${question.id}`} name="text" rows={3} maxLength={4000} />
                    </div>
                    {facts.length > 0 && (
                      <div className="field">
                        <label htmlFor={`answer-facts-${question.id}`}>{t("questions.answerFacts")}</label>
                        <select id={`answer-facts-${question.id}`} name="factIds" multiple size={Math.min(6, facts.length)}>
                          {facts.map((fact) => (
                            <option key={fact.id} value={fact.id}>
                              {fact.code} — {fact.title}
                            </option>
                          ))}
                        </select>
                      </div>
                    )}
                  </ActionForm>
                </details>
              )}
              {question.mayWithdraw && (
                <ActionForm action={withdrawQuestionAction} submitLabel={t("questions.withdraw")} secondary>
                  <input type="hidden" name="tableId" value={table.id} />
                  <input type="hidden" name="questionId" value={question.id} />
                </ActionForm>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
