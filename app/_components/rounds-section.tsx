// The endorsement rounds on a versioned document: opening one on the latest version, each round's
// result and the parties' answers, and the answer form for a delegate's own party. Shared by every
// versioned document (problem statement, measures); the actions revalidate `path`.
import { getLocale, getTranslations } from "next-intl/server";
import type { RoundView } from "../../features/decisions/rounds.ts";
import { ANSWER_SCALE } from "../../features/decisions/rules.ts";
import { amsterdamInputValue, formatDateTime } from "../../features/shared/dates.ts";
import { answerRoundAction, closeRoundAction, openRoundAction } from "../_actions/problem.ts";
import { ActionForm } from "./action-form.tsx";

type Props = {
  tableId: string;
  path: string;
  rounds: RoundView[];
  latest: { id: string; number: number } | undefined;
  mayOpen: boolean;
  parties: { id: string; name: string }[];
};

export async function RoundsSection({ tableId, path, rounds, latest, mayOpen, parties }: Props) {
  const t = await getTranslations("problem");
  const tr = await getTranslations("decisionRules");
  const locale = await getLocale();
  const openRound = rounds.find((round) => round.open);
  const latestHasRound = latest ? rounds.some((round) => round.version?.id === latest.id) : false;
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  const defaultDeadline = amsterdamInputValue(new Date(Date.now() + 7 * 86_400_000));
  return (
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
              <input type="hidden" name="tableId" value={tableId} />
              <input type="hidden" name="path" value={path} />
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
      {rounds.length === 0 && <p className="hint">{t("roundsNone")}</p>}
      {rounds.map((round) => {
        const version = round.version?.number ?? 0;
        const supporting = round.parties.filter((p) => p.answer === "support" || p.answer === "support_with_reservations").length;
        const notCounted = parties.filter((p) => !round.parties.some((rp) => rp.partyId === p.id)).map((p) => p.name);
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
            <table className="grid grid-fixed">
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
                  <input type="hidden" name="tableId" value={tableId} />
                  <input type="hidden" name="path" value={path} />
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
                <input type="hidden" name="tableId" value={tableId} />
                <input type="hidden" name="path" value={path} />
                <input type="hidden" name="roundId" value={round.id} />
              </ActionForm>
            )}
          </article>
        );
      })}
    </section>
  );
}
