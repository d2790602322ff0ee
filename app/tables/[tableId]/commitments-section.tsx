import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "../../../features/shared/dates.ts";
import { COMMITMENT_KINDS, type CommitmentVoice } from "../../../features/tables/commitments.ts";
import { breachResponseProblem } from "../../../features/tables/policy.ts";
import { breachCommitmentAction, recordCommitmentAction, respondToBreachAction } from "../../_actions/governance.ts";
import { ActionForm } from "../../_components/action-form.tsx";
import type { Overview, Table } from "./section-types.ts";

export async function CommitmentsSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("commitments");
  const locale = await getLocale();
  const voice = (by: CommitmentVoice) =>
    by.kind === "former"
      ? t("formerMember")
      : by.kind === "party"
        ? by.name
        : by.kind === "anonymous"
          ? t("someoneOf", { party: by.name })
          : by.pseudonym;
  const me = { role: table.myRole, partyId: table.myPartyId };
  const parties = table.myRole === "facilitator" ? overview.parties : overview.parties.filter((p) => p.id === table.myPartyId);
  return (
    <section aria-labelledby="commitments">
      <h2 id="commitments">{t("title")}</h2>
      {overview.commitments.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="plain-list" data-testid="commitment-list">
          {overview.commitments.map((c) => (
            <li key={c.id} className="record-row">
              <span>
                <strong>{c.party.name}</strong>: {t(`kinds.${c.kind as (typeof COMMITMENT_KINDS)[number]}`)}
                {c.text && <span className="hint"> — {c.text}</span>}
                {c.breach && (
                  <>
                    <br />
                    <span className="hint" data-testid="breach-note">
                      {t("breachedNote", { note: c.breach.note })}
                    </span>
                    <br />
                    <span className="hint" data-testid="breach-marker">
                      {c.breach.at
                        ? t("breachedBy", { by: voice(c.breach.by), at: formatDateTime(c.breach.at, locale) })
                        : t("breachedByOnly", { by: voice(c.breach.by) })}
                    </span>
                  </>
                )}
                {c.responses.length > 0 && (
                  <ul className="breach-responses" data-testid="breach-responses" aria-label={t("responsesOf", { party: c.party.name })}>
                    {c.responses.map((r) => (
                      <li key={r.id}>
                        <span className="hint">{t("responseBy", { by: voice(r.by), at: formatDateTime(r.at, locale) })}</span> {r.text}
                      </li>
                    ))}
                  </ul>
                )}
              </span>
              <span className={`badge state-${c.status === "breached" ? "not_met" : "met"}`}>{t(`statuses.${c.status}`)}</span>
              {table.may["commitments.breach"] && c.status !== "breached" && (
                <details>
                  <summary>{t("breach")}</summary>
                  <ActionForm action={breachCommitmentAction} submitLabel={t("breach")} secondary>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="commitmentId" value={c.id} />
                    <div className="field">
                      <label htmlFor={`breach-${c.id}`}>{t("breachNote")}</label>
                      <textarea id={`breach-${c.id}`} name="note" rows={2} maxLength={1000} />
                    </div>
                  </ActionForm>
                </details>
              )}
              {table.may["commitments.respond"] && breachResponseProblem(me, c) === null && (
                <details style={{ flexBasis: "100%" }}>
                  <summary>{t("respond", { party: c.party.name })}</summary>
                  <ActionForm action={respondToBreachAction} submitLabel={t("respondSubmit")} savedMessage={t("responded")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="commitmentId" value={c.id} />
                    <p className="hint">{t("respondLead")}</p>
                    <div className="field">
                      <label htmlFor={`response-${c.id}`}>{t("responseText")}</label>
                      <textarea id={`response-${c.id}`} name="text" rows={3} maxLength={2000} />
                    </div>
                    <fieldset className="field">
                      <legend>{t("attribution")}</legend>
                      <label>
                        <input
                          type="radio"
                          name="attribution"
                          value="organisation"
                          defaultChecked={table.myAttributionDefault === "organisation"}
                        />{" "}
                        {t("asOrganisation")}
                      </label>
                      <label>
                        <input type="radio" name="attribution" value="person" defaultChecked={table.myAttributionDefault === "person"} />{" "}
                        {t("asPerson")}
                      </label>
                      <label>
                        <input
                          type="radio"
                          name="attribution"
                          value="anonymous"
                          defaultChecked={table.myAttributionDefault === "anonymous"}
                        />{" "}
                        {t("asAnonymous")}
                      </label>
                    </fieldset>
                  </ActionForm>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {table.may["commitments.record"] && parties.length > 0 && (
        <details className="card">
          <summary>{t("add")}</summary>
          <ActionForm action={recordCommitmentAction} submitLabel={t("add")} savedMessage={t("added")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="commitment-party">{t("party")}</label>
              <select id="commitment-party" name="partyId">
                {parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="commitment-kind">{t("kind")}</label>
              <select id="commitment-kind" name="kind" defaultValue="decisions_here">
                {COMMITMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="commitment-text">{t("text")}</label>
              <textarea id="commitment-text" name="text" rows={2} maxLength={1000} />
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
