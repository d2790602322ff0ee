import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ANSWER_SCALE, DECISION_RULES } from "../../../../features/decisions/rules.ts";
import { type FrozenBy, problemPage } from "../../../../features/problem/queries.ts";
import { isAppError } from "../../../../features/shared/app-error.ts";
import { amsterdamInputValue, formatDateTime } from "../../../../features/shared/dates.ts";
import { getDb } from "../../../../prisma/db.ts";
import { askQuestionAction } from "../../../_actions/facts.ts";
import { answerRoundAction, closeRoundAction, freezeStatementAction, openRoundAction } from "../../../_actions/problem.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { realtimeUrl } from "../../../_server/realtime-url.ts";
import { loadTable } from "../load-table.ts";
import { NotesEditor } from "../notes/notes-editor.tsx";

type Props = { params: Promise<{ tableId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/problem`);
  return { title: (await getTranslations("problem"))("title", { table: table.title }) };
}

const number = (value: string | string[] | undefined) => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export default async function ProblemPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const query = await searchParams;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/problem`);
  let page: Awaited<ReturnType<typeof problemPage>>;
  try {
    page = await problemPage(getDb(), session.accountId, table.id, {
      read: number(query.read),
      from: number(query.from),
      to: number(query.to),
    });
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
  const t = await getTranslations("problem");
  const tt = await getTranslations("table");
  const tr = await getTranslations("decisionRules");
  const tf = await getTranslations("facts");
  const locale = await getLocale();
  const serverUrl = await realtimeUrl();
  const presence = session.presenceEnabled ? { name: session.pseudonym } : null;
  const formerMember = (await getTranslations("activity"))("formerMember");
  const who = (by: FrozenBy) => (by.kind === "party" ? by.name : by.kind === "person" ? by.pseudonym : formerMember);
  const latest = page.versions[0];
  const mayOpen = table.may["rounds.open"];
  const openRound = page.rounds.find((round) => round.open);
  const latestHasRound = latest ? page.rounds.some((round) => round.version?.id === latest.id) : false;
  const partyName = new Map(page.perspectives.map((p) => [p.party.id, p.party.name]));
  const defaultDeadline = amsterdamInputValue(new Date(Date.now() + 7 * 86_400_000));

  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>{t("title", { table: table.title })}</h1>
      <p>{t("lead")}</p>

      <section aria-labelledby="help" className="card">
        <h2 id="help" style={{ marginTop: 0 }}>
          {t("helpHeading")}
        </h2>
        <p>
          <strong>{t("helpTableRule", { rule: tr(page.rule) })}</strong>
        </p>
        <p>{t("helpCounted")}</p>
        <p>{t("helpSupporting")}</p>
        <ul>
          {DECISION_RULES.map((rule) => (
            <li key={rule}>{t(`helpRules.${rule}`)}</li>
          ))}
        </ul>
        <p>{t("helpMinimum")}</p>
      </section>

      <section aria-labelledby="statement">
        <h2 id="statement">{t("statementHeading")}</h2>
        <p className="hint">{t("statementLead")}</p>
        {page.statement.access !== "write" && (
          <p className="alert alert-info" data-testid="statement-read-only">
            {t("statementReadOnly")}
          </p>
        )}
        <NotesEditor
          key={`statement-${String(session.presenceEnabled)}`}
          docName={page.statement.name}
          serverUrl={serverUrl}
          readOnly={page.statement.access !== "write"}
          presence={presence}
          label={t("statementLabel")}
          testId="statement-editor"
        />
        {table.may["problem.freeze"] && (
          <ActionForm
            action={freezeStatementAction}
            submitLabel={t("freeze", { number: (latest?.number ?? 0) + 1 })}
            savedMessage={t("frozen", { number: latest?.number ?? 1 })}
          >
            <p className="hint">{t("freezeLead")}</p>
            <input type="hidden" name="tableId" value={table.id} />
          </ActionForm>
        )}
      </section>

      {table.may["facts.questions.ask"] && (
        <section aria-labelledby="fact-question" className="card">
          <h2 id="fact-question" style={{ marginTop: 0 }}>
            {t("factQuestionHeading")}
          </h2>
          <p className="hint">{t("factQuestionLead")}</p>
          <ActionForm action={askQuestionAction} submitLabel={tf("questions.submit")} savedMessage={t("factQuestionSaved")} secondary>
            <input type="hidden" name="tableId" value={table.id} />
            {/* Linked back to the statement, and to the version it was raised on once there is one. */}
            <input type="hidden" name="sourceRef" value={`${page.statement.name}${latest ? `#v${latest.number}` : ""}`} />
            <div className="field">
              <label htmlFor="fact-question-text">{tf("questions.question")}</label>
              <textarea id="fact-question-text" name="question" rows={2} maxLength={1000} />
            </div>
          </ActionForm>
          <p>
            <Link href={`/tables/${table.id}/facts/questions`}>{t("factQuestionsLink")}</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="versions">
        <h2 id="versions">{t("versionsHeading")}</h2>
        {page.versions.length === 0 ? (
          <p className="hint">{t("versionsNone")}</p>
        ) : (
          <ol className="plain-list" data-testid="versions">
            {page.versions.map((version) => (
              <li key={version.id}>
                <strong>{t("version", { number: version.number })}</strong>{" "}
                <span className="hint">
                  {t("frozenBy", { at: formatDateTime(version.createdAt, locale), who: who(version.frozenBy) })} ·{" "}
                  {t("fingerprint", { hash: version.sha256.slice(0, 12) })}
                </span>{" "}
                <Link href={`/tables/${table.id}/problem?read=${version.number}#version-text`}>
                  {t("readVersion", { number: version.number })}
                </Link>
              </li>
            ))}
          </ol>
        )}
        {page.read && (
          <section aria-labelledby="version-text" className="version-text">
            <h3 id="version-text">{t("textOf", { number: page.read.number })}</h3>
            {/* Rendered on the server from the frozen state through the shared schema, escaped there. */}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: HTML written by features/docs/render.ts from escaped text */}
            <div data-testid="version-html" dangerouslySetInnerHTML={{ __html: page.read.html }} />
          </section>
        )}
        {page.versions.length >= 2 && (
          <form method="get" action={`/tables/${table.id}/problem`} className="row" aria-labelledby="compare-heading">
            <h3 id="compare-heading" className="visually-hidden">
              {t("compareHeading")}
            </h3>
            <div className="field">
              <label htmlFor="diff-from">{t("from")}</label>
              <select id="diff-from" name="from" defaultValue={String(page.diff?.from ?? page.versions[1]?.number)}>
                {page.versions.map((v) => (
                  <option key={v.id} value={v.number}>
                    {t("version", { number: v.number })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="diff-to">{t("to")}</label>
              <select id="diff-to" name="to" defaultValue={String(page.diff?.to ?? page.versions[0]?.number)}>
                {page.versions.map((v) => (
                  <option key={v.id} value={v.number}>
                    {t("version", { number: v.number })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary">
              {t("compare")}
            </button>
          </form>
        )}
        {page.diff && (
          <section aria-labelledby="diff-heading">
            <h3 id="diff-heading">{t("diffHeading", { from: page.diff.from, to: page.diff.to })}</h3>
            <p className="hint">{t("diffLegend")}</p>
            {page.diff.parts.every((part) => part.kind === "same") ? (
              <p>{t("noChanges")}</p>
            ) : (
              <p className="diff" data-testid="version-diff">
                {page.diff.parts.map((part, index) =>
                  part.kind === "added" ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in reading order
                    <ins key={index}>
                      <span className="visually-hidden">[{t("inserted")} </span>
                      {part.text}
                      <span className="visually-hidden">]</span>
                    </ins>
                  ) : part.kind === "removed" ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in reading order
                    <del key={index}>
                      <span className="visually-hidden">[{t("deleted")} </span>
                      {part.text}
                      <span className="visually-hidden">]</span>
                    </del>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in reading order
                    <span key={index}>{part.text}</span>
                  ),
                )}
              </p>
            )}
          </section>
        )}
      </section>

      <section aria-labelledby="rounds">
        <h2 id="rounds">{t("roundsHeading")}</h2>
        {mayOpen && !openRound && (
          <div className="card">
            <h3 style={{ marginTop: 0 }}>{t("openRoundHeading")}</h3>
            <p className="hint">{t("openRoundLead")}</p>
            {!latest || latestHasRound ? (
              <p className="hint">{t("openRoundNeedsVersion")}</p>
            ) : (
              <ActionForm action={openRoundAction} submitLabel={t("openRound")} savedMessage={t("roundOpened")}>
                <input type="hidden" name="tableId" value={table.id} />
                <input type="hidden" name="versionId" value={latest.id} />
                <p>
                  {t("roundVersion")}: {t("version", { number: latest.number })}
                </p>
                <div className="field">
                  <label htmlFor="round-deadline">{t("deadline")}</label>
                  <input id="round-deadline" name="deadline" type="datetime-local" defaultValue={defaultDeadline} required />
                </div>
              </ActionForm>
            )}
          </div>
        )}
        {page.rounds.length === 0 && <p className="hint">{t("roundsNone")}</p>}
        {page.rounds.map((round) => {
          const version = round.version?.number ?? 0;
          const supporting = round.parties.filter((p) => p.answer === "support" || p.answer === "support_with_reservations").length;
          const notCounted = page.perspectives
            .filter((p) => !round.parties.some((rp) => rp.partyId === p.party.id))
            .map((p) => p.party.name);
          const objectors = round.result?.objections.filter((o) => o.sexWorkerParty).map((o) => partyName.get(o.partyId) ?? "") ?? [];
          return (
            <article key={round.id} className="card" aria-labelledby={`round-${round.id}`} data-testid="round">
              <h3 id={`round-${round.id}`} style={{ marginTop: 0 }}>
                {t("round", { version })}
              </h3>
              <p className="hint">
                {round.open
                  ? t("openUntil", { deadline: formatDateTime(round.deadline, locale) })
                  : `${t("closedOn", { at: formatDateTime(round.closedAt ?? round.deadline, locale) })}${round.closedAtDeadline ? ` (${t("closedAtDeadline")})` : ""}`}{" "}
                · {t("ruleOfRound", { rule: tr(round.rule) })}
              </p>
              {round.result ? (
                <div role="status" data-testid="round-result">
                  <p>
                    <strong>
                      {t("result.headline", {
                        passed: String(round.result.passed),
                        supporting: round.result.supporting,
                        counted: round.result.counted,
                        rule: tr(round.rule),
                      })}
                    </strong>
                  </p>
                  {round.result.sexWorkerObjection && (
                    <p className="alert alert-error" data-testid="sex-worker-objection">
                      <strong>{t("result.sexWorkerObjection", { parties: objectors.join(", ") })}</strong>
                    </p>
                  )}
                </div>
              ) : (
                <p role="status">{t("result.sofar", { supporting, counted: round.parties.length })}</p>
              )}
              <table>
                <caption className="visually-hidden">{t("partiesTable", { version })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("party")}</th>
                    <th scope="col">{t("answer")}</th>
                    <th scope="col">{t("reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {round.parties.map((party) => (
                    <tr key={party.partyId} data-testid="round-party">
                      <th scope="row">{party.name}</th>
                      <td>{party.answer ? t(`answers.${party.answer}`) : <span className="hint">{t("noAnswer")}</span>}</td>
                      <td>
                        {party.reason}
                        {party.history.length > 1 && (
                          <details>
                            <summary>{t("history")}</summary>
                            <ul>
                              {party.history.map((h) => (
                                <li key={h.id}>
                                  {t("historyItem", { at: formatDateTime(h.at, locale), answer: t(`answers.${h.answer}`) })}
                                  {h.reason && ` — ${h.reason}`}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {notCounted.length > 0 && <p className="hint">{t("notCounted", { parties: notCounted.join(", ") })}</p>}
              {round.answerAs && (
                <div>
                  <h4>{t("answerHeading", { party: partyName.get(round.answerAs) ?? "" })}</h4>
                  <p className="hint">{t("answerLead", { party: partyName.get(round.answerAs) ?? "" })}</p>
                  <ActionForm action={answerRoundAction} submitLabel={t("giveAnswer")} savedMessage={t("answered")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="roundId" value={round.id} />
                    <fieldset className="field">
                      <legend>{t("answer")}</legend>
                      {ANSWER_SCALE.map((answer) => (
                        <label key={answer} style={{ display: "block" }}>
                          <input
                            type="radio"
                            name="answer"
                            value={answer}
                            defaultChecked={round.parties.find((p) => p.partyId === round.answerAs)?.answer === answer}
                          />{" "}
                          {t(`answers.${answer}`)}
                        </label>
                      ))}
                    </fieldset>
                    <div className="field">
                      <label htmlFor={`reason-${round.id}`}>{t("reason")}</label>
                      <p className="hint" id={`reason-hint-${round.id}`}>
                        {t("reasonHint")}
                      </p>
                      <textarea
                        id={`reason-${round.id}`}
                        name="reason"
                        rows={3}
                        maxLength={4000}
                        aria-describedby={`reason-hint-${round.id}`}
                      />
                    </div>
                  </ActionForm>
                </div>
              )}
              {round.mayClose && (
                <ActionForm action={closeRoundAction} submitLabel={t("closeRound")} savedMessage={t("roundClosed")} secondary>
                  <input type="hidden" name="tableId" value={table.id} />
                  <input type="hidden" name="roundId" value={round.id} />
                </ActionForm>
              )}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="perspectives">
        <h2 id="perspectives">{t("perspectivesHeading")}</h2>
        <p className="hint">{t("perspectivesLead")}</p>
        {page.perspectives.length === 0 && <p className="hint">{t("perspectivesNone")}</p>}
        {page.perspectives.map((perspective) => (
          <section key={perspective.party.id} aria-labelledby={`perspective-${perspective.party.id}`} data-testid="perspective">
            <h3 id={`perspective-${perspective.party.id}`}>{perspective.party.name}</h3>
            <p className="hint">
              {perspective.access === "write"
                ? t("perspectiveOwn", { party: perspective.party.name })
                : t("perspectiveReadOnly", { party: perspective.party.name })}
            </p>
            <NotesEditor
              key={`${perspective.party.id}-${String(session.presenceEnabled)}`}
              docName={perspective.name}
              serverUrl={serverUrl}
              readOnly={perspective.access !== "write"}
              presence={presence}
              label={t("perspectiveLabel", { party: perspective.party.name })}
              testId={`perspective-editor-${perspective.party.id}`}
              presenceToggle={false}
            />
          </section>
        ))}
      </section>
    </div>
  );
}
