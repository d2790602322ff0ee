import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { type FrozenBy, minutesPage } from "../../../../../../features/meetings/minutes.ts";
import { isAppError } from "../../../../../../features/shared/app-error.ts";
import { amsterdamInputValue, formatDateTime, formatDay } from "../../../../../../features/shared/dates.ts";
import { getDb } from "../../../../../../prisma/db.ts";
import {
  addFollowUpActionAction,
  answerMinutesAction,
  circulateMinutesAction,
  closeMinutesRoundAction,
  freezeMinutesAction,
} from "../../../../../_actions/minutes.ts";
import { ActionForm } from "../../../../../_components/action-form.tsx";
import { realtimeUrl } from "../../../../../_server/realtime-url.ts";
import { loadTable } from "../../../load-table.ts";
import { NotesEditor } from "../../../notes/notes-editor.tsx";
import { TableHeader } from "../../../table-header.tsx";

type Props = {
  params: Promise<{ tableId: string; meetingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Once per request: the metadata and the page share one load (and one pre-fill check).
const load = cache(async (tableId: string, meetingId: string, read?: number) => {
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/meetings/${meetingId}/minutes`);
  try {
    return { session, table, page: await minutesPage(getDb(), session.accountId, table.id, meetingId, { read }) };
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId, meetingId } = await params;
  const { table, page } = await load(tableId, meetingId);
  return { title: `${(await getTranslations("minutes"))("title", { meeting: page.meeting.title })} — ${table.title}` };
}

export default async function MinutesPage({ params, searchParams }: Props) {
  const { tableId, meetingId } = await params;
  const query = await searchParams;
  const readNumber = Number(Array.isArray(query.read) ? query.read[0] : query.read);
  const { session, table, page } = await load(tableId, meetingId, Number.isInteger(readNumber) && readNumber > 0 ? readNumber : undefined);
  const t = await getTranslations("minutes");
  const tf = await getTranslations("followUps");
  const tr = await getTranslations("decisionRules");
  const tp = await getTranslations("mandate.powers");
  const locale = await getLocale();
  const serverUrl = await realtimeUrl();
  const presence = session.presenceEnabled ? { name: session.pseudonym } : null;
  const who = (by: FrozenBy) => (by.kind === "party" ? by.name : by.kind === "person" ? by.pseudonym : t("formerMember"));
  const latest = page.versions[0];
  const openRound = page.rounds.find((round) => round.open);
  const latestHasRound = latest ? page.rounds.some((round) => round.version?.id === latest.id) : false;
  const partyName = new Map(page.parties.map((p) => [p.id, p.name]));
  const base = `/tables/${table.id}/meetings/${page.meeting.id}`;
  const hidden = (
    <>
      <input type="hidden" name="tableId" value={table.id} />
      <input type="hidden" name="meetingId" value={page.meeting.id} />
    </>
  );
  const standing = (d: (typeof page.decisions)[number]) =>
    d.scope === "within_scope"
      ? t("standing.within", { power: d.decisionPower ? tp(d.decisionPower) : "" })
      : d.advisoryReason
        ? t("standing.advisoryBecause", { reason: t(`advisoryReasons.${d.advisoryReason}`) })
        : t("standing.advisory");

  return (
    <div className="stack">
      <TableHeader table={table} current="meetings" heading={t("title", { meeting: page.meeting.title })} />
      <p>
        <Link href={base}>← {t("back")}</Link>
      </p>
      <p>{t("lead")}</p>

      {page.stage === "before" ? (
        <p className="alert alert-info" data-testid="minutes-not-yet">
          {t("notYet")}
        </p>
      ) : (
        <>
          {page.approved && (
            <div className="alert alert-info" data-testid="minutes-approved">
              <p style={{ margin: 0 }}>{t("approvedNotice", { number: page.approved.number })}</p>
              <p style={{ marginBottom: 0 }}>
                <a href={`${base}/minutes/minutes.pdf`} download data-testid="minutes-pdf">
                  {t("pdf")}
                </a>
              </p>
            </div>
          )}
          <section aria-labelledby="minutes-text">
            <h2 id="minutes-text">{t("heading")}</h2>
            {page.access !== "write" && !page.approved && (
              <p className="alert alert-info" data-testid="minutes-read-only">
                {t("readOnly")}
              </p>
            )}
            <NotesEditor
              key={`minutes-${String(session.presenceEnabled)}-${page.access}`}
              docName={page.name}
              serverUrl={serverUrl}
              readOnly={page.access !== "write"}
              presence={presence}
              label={t("editorLabel")}
              testId="minutes-editor"
            />
            {page.mayFreeze && (
              <ActionForm
                action={freezeMinutesAction}
                submitLabel={t("freeze", { number: (latest?.number ?? 0) + 1 })}
                savedMessage={t("frozen")}
              >
                <p className="hint">{t("freezeLead")}</p>
                {hidden}
              </ActionForm>
            )}
          </section>

          <section aria-labelledby="versions">
            <h2 id="versions">{t("versionsHeading")}</h2>
            {page.versions.length === 0 ? (
              <p className="hint">{t("versionsNone")}</p>
            ) : (
              <ol className="plain-list" data-testid="minutes-versions">
                {page.versions.map((version) => (
                  <li key={version.id}>
                    <strong>{t("version", { number: version.number })}</strong>{" "}
                    <span className="hint">
                      {t("frozenBy", { at: formatDateTime(version.createdAt, locale), who: who(version.frozenBy) })} ·{" "}
                      {t("fingerprint", { hash: version.sha256.slice(0, 12) })}
                    </span>{" "}
                    <Link href={`${base}/minutes?read=${version.number}#version-text`}>{t("readVersion", { number: version.number })}</Link>
                  </li>
                ))}
              </ol>
            )}
            {page.read && (
              <section aria-labelledby="version-text" className="version-text">
                <h3 id="version-text">{t("textOf", { number: page.read.number })}</h3>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: HTML written by features/docs/render.ts from escaped text */}
                <div data-testid="version-html" dangerouslySetInnerHTML={{ __html: page.read.html }} />
              </section>
            )}
          </section>

          <section aria-labelledby="approval">
            <h2 id="approval">{t("roundsHeading")}</h2>
            {table.may["rounds.open"] && !openRound && !page.approved && (
              <div className="card">
                <h3 style={{ marginTop: 0 }}>{t("circulateHeading")}</h3>
                <p className="hint">{t("circulateLead")}</p>
                {!latest || latestHasRound ? (
                  <p className="hint">{t("circulateNeedsVersion")}</p>
                ) : (
                  <ActionForm
                    action={circulateMinutesAction}
                    submitLabel={t("circulate", { number: latest.number })}
                    savedMessage={t("circulated")}
                  >
                    {hidden}
                    <input type="hidden" name="versionId" value={latest.id} />
                    <div className="field">
                      <label htmlFor="minutes-deadline">{t("deadline")}</label>
                      <input
                        id="minutes-deadline"
                        name="deadline"
                        type="datetime-local"
                        defaultValue={amsterdamInputValue(new Date(Date.now() + 7 * 86_400_000))}
                        required
                      />
                    </div>
                  </ActionForm>
                )}
              </div>
            )}
            {page.rounds.length === 0 && <p className="hint">{t("roundsNone")}</p>}
            {page.rounds.map((round) => {
              const version = round.version?.number ?? 0;
              const supporting = round.parties.filter((p) => p.answer === "support" || p.answer === "support_with_reservations").length;
              const mine = round.parties.find((p) => p.partyId === round.answerAs);
              return (
                <article key={round.id} className="card" aria-labelledby={`round-${round.id}`} data-testid="minutes-round">
                  <h3 id={`round-${round.id}`} style={{ marginTop: 0 }}>
                    {t("round", { version })}
                  </h3>
                  <p className="hint">
                    {round.open
                      ? t("openUntil", { deadline: formatDateTime(round.deadline, locale) })
                      : `${t("closedOn", { at: formatDateTime(round.closedAt ?? round.deadline, locale) })}${round.closedAtDeadline ? ` (${t("closedAtDeadline")})` : ""}`}{" "}
                    · {t("ruleOfRound", { rule: tr(round.rule) })}
                  </p>
                  <p role="status" data-testid="minutes-round-result">
                    {round.result
                      ? t(round.result.passed ? "resultPassed" : "resultNotPassed", {
                          supporting: round.result.supporting,
                          counted: round.result.counted,
                          rule: tr(round.rule),
                        })
                      : t("soFar", { supporting, counted: round.parties.length })}
                  </p>
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
                        <tr key={party.partyId} data-testid="minutes-round-party">
                          <th scope="row">{party.name}</th>
                          <td>{party.answer ? t(`answers.${party.answer}`) : <span className="hint">{t("noAnswer")}</span>}</td>
                          <td>{party.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {round.answerAs && (
                    <div>
                      <h4>{t("answerHeading", { party: partyName.get(round.answerAs) ?? "" })}</h4>
                      <p className="hint">{t("answerLead", { party: partyName.get(round.answerAs) ?? "" })}</p>
                      <ActionForm action={answerMinutesAction} submitLabel={t("giveAnswer")} savedMessage={t("answered")}>
                        {hidden}
                        <input type="hidden" name="roundId" value={round.id} />
                        <fieldset className="field">
                          <legend>{t("answer")}</legend>
                          <label style={{ display: "block" }}>
                            <input type="radio" name="answer" value="approve" defaultChecked={mine?.answer === "support"} /> {t("approve")}
                          </label>
                          <label style={{ display: "block" }}>
                            <input type="radio" name="answer" value="request_changes" defaultChecked={mine?.answer === "cannot_support"} />{" "}
                            {t("requestChanges")}
                          </label>
                        </fieldset>
                        <div className="field">
                          <label htmlFor={`reason-${round.id}`}>{t("reasonLabel")}</label>
                          <textarea id={`reason-${round.id}`} name="reason" rows={3} maxLength={4000} />
                        </div>
                      </ActionForm>
                    </div>
                  )}
                  {round.mayClose && (
                    <ActionForm action={closeMinutesRoundAction} submitLabel={t("closeRound")} savedMessage={t("roundClosed")} secondary>
                      {hidden}
                      <input type="hidden" name="roundId" value={round.id} />
                    </ActionForm>
                  )}
                </article>
              );
            })}
          </section>
        </>
      )}

      <section aria-labelledby="decisions">
        <h2 id="decisions">{t("decisionsHeading")}</h2>
        {page.decisions.length === 0 && <p className="hint">{t("decisionsNone")}</p>}
        {page.decisions.map((decision) => (
          <article key={decision.id} className="card" data-testid="minutes-decision">
            <p style={{ marginTop: 0 }}>
              <strong>{decision.text}</strong> <span className="badge">{standing(decision)}</span>
            </p>
            {decision.actions.length === 0 ? (
              <p className="hint">{t("actionsNone")}</p>
            ) : (
              <ul>
                {decision.actions.map((action) => (
                  <li key={action.id}>
                    {action.text} — {action.owner}, {formatDay(action.dueDate, locale)} ({tf(`statuses.${action.status}`)})
                  </li>
                ))}
              </ul>
            )}
            {page.mayAddActions && (
              <details>
                <summary>{tf("addHeading")}</summary>
                <ActionForm action={addFollowUpActionAction} submitLabel={tf("add")} savedMessage={tf("added")}>
                  {hidden}
                  <input type="hidden" name="decisionId" value={decision.id} />
                  <div className="field">
                    <label htmlFor={`action-text-${decision.id}`}>{tf("text")}</label>
                    <input id={`action-text-${decision.id}`} name="text" type="text" maxLength={1000} required />
                  </div>
                  <div className="row">
                    <div className="field">
                      <label htmlFor={`action-owner-${decision.id}`}>{tf("owner")}</label>
                      <select id={`action-owner-${decision.id}`} name="ownerPartyId">
                        {page.parties.map((party) => (
                          <option key={party.id} value={party.id}>
                            {party.name}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`action-due-${decision.id}`}>{tf("dueDate")}</label>
                      <input id={`action-due-${decision.id}`} name="dueDate" type="date" required />
                    </div>
                  </div>
                </ActionForm>
              </details>
            )}
          </article>
        ))}
        <p>
          <Link href={`/tables/${table.id}/actions`}>{t("actionsLink")}</Link>
        </p>
      </section>
    </div>
  );
}
