import { getTranslations } from "next-intl/server";
import { activitiesOf } from "../../../../features/participation/activities.ts";
import { ANSWERS, CONDITION_GROUPS, CONDITION_ITEMS, conditionsOverview } from "../../../../features/participation/conditions.ts";
import { FORMS } from "../../../../features/participation/model.ts";
import type { participationMatrix } from "../../../../features/participation/queries.ts";
import type { tableForMember } from "../../../../features/tables/queries.ts";
import { getDb } from "../../../../prisma/db.ts";
import { answerConditionAction, createActivityAction } from "../../../_actions/participation.ts";
import { ActionForm } from "../../../_components/action-form.tsx";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;
type Table = Awaited<ReturnType<typeof tableForMember>>;

const ANSWER_ICON = { met: "✓", partly: "◐", not_met: "✗", not_applicable: "–" } as const;

export async function ConditionsSection({
  table,
  matrix,
  accountId,
  phaseId,
  phaseLabel,
}: {
  table: Table;
  matrix: Matrix;
  accountId: string;
  phaseId: string | null;
  phaseLabel: (id: string) => string;
}) {
  const t = await getTranslations("conditions");
  const overview = await conditionsOverview(getDb(), accountId, table.id, phaseId);
  const answerable = table.myRole === "delegate" ? matrix.parties.filter((p) => p.id === table.myPartyId) : matrix.parties;
  return (
    <section aria-labelledby="conditions">
      <h2 id="conditions">{t("title")}</h2>
      <p className="hint">{t("lead")}</p>
      <form method="get" className="row">
        <div className="field">
          <label htmlFor="conditions-phase">{t("scope")}</label>
          <select id="conditions-phase" name="phase" defaultValue={phaseId ?? ""}>
            <option value="">{t("wholeTable")}</option>
            {matrix.phases.map((p) => (
              <option key={p.id} value={p.id}>
                {phaseLabel(p.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="secondary">
            {t("show")}
          </button>
        </div>
      </form>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section style={{ overflowX: "auto" }} tabIndex={0} aria-label={t("title")}>
        <table className="grid" data-testid="conditions-table">
          <thead>
            <tr>
              <th scope="col">{t("item")}</th>
              {matrix.parties.map((p) => (
                <th scope="col" key={p.id}>
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          {Object.entries(CONDITION_GROUPS).map(([group, items]) => (
            <tbody key={group}>
              <tr>
                <th scope="colgroup" colSpan={matrix.parties.length + 1}>
                  {t(`groups.${group as keyof typeof CONDITION_GROUPS}`)}
                </th>
              </tr>
              {items.map((item) => {
                const row = overview.find((r) => r.item === item);
                return (
                  <tr key={item} data-item={item} data-differs={row?.differs ? "yes" : "no"}>
                    <th scope="row">
                      {item} {t(`items.${item}`)}
                      {row?.differs && (
                        <span className="badge state-not_assessable">
                          <span aria-hidden="true">⚠ </span>
                          {t("differs")}
                        </span>
                      )}
                    </th>
                    {matrix.parties.map((p) => {
                      const answer = row?.answers.find((a) => a.partyId === p.id);
                      return (
                        <td key={p.id}>
                          {answer ? (
                            <>
                              <span aria-hidden="true">{ANSWER_ICON[answer.answer]} </span>
                              {t(`answers.${answer.answer}`)}
                              {answer.evidence && <span className="hint"> — {answer.evidence}</span>}
                            </>
                          ) : (
                            t("noAnswer")
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </section>
      {table.may["participation.conditions.answer"] && answerable.length > 0 && (
        <details className="card">
          <summary>{t("answerTitle")}</summary>
          <ActionForm action={answerConditionAction} submitLabel={t("save")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <input type="hidden" name="phaseId" value={phaseId ?? ""} />
            <div className="row">
              <div className="field">
                <label htmlFor="condition-party">{t("party")}</label>
                <select id="condition-party" name="partyId">
                  {answerable.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="condition-item">{t("item")}</label>
                <select id="condition-item" name="item">
                  {CONDITION_ITEMS.map((item) => (
                    <option key={item} value={item}>
                      {item} {t(`items.${item}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="condition-answer">{t("answer")}</label>
                <select id="condition-answer" name="answer">
                  {ANSWERS.map((a) => (
                    <option key={a} value={a}>
                      {t(`answers.${a}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor="condition-evidence">{t("evidence")}</label>
              <textarea id="condition-evidence" name="evidence" rows={2} maxLength={2000} />
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}

export async function ActivitiesSection({
  table,
  matrix,
  accountId,
  phaseLabel,
}: {
  table: Table;
  matrix: Matrix;
  accountId: string;
  phaseLabel: (id: string) => string;
}) {
  const t = await getTranslations("activities");
  const tp = await getTranslations("participation");
  const activities = await activitiesOf(getDb(), accountId, table.id);
  const partyName = (id: string) => matrix.parties.find((p) => p.id === id)?.name ?? "";
  return (
    <section aria-labelledby="activities">
      <h2 id="activities">{t("title")}</h2>
      {activities.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="plain-list">
          {activities.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{a.title}</strong> — {phaseLabel(a.phaseId)}: {tp(`forms.${a.form}`)}
                <br />
                <span className="hint">
                  {t("owner")}: {partyName(a.ownerPartyId)}
                  {a.guestPartyIds.length > 0 && ` · ${t("guests")}: ${a.guestPartyIds.map(partyName).join(", ")}`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {table.may["participation.intended.set"] && matrix.parties.length > 0 && (
        <details className="card">
          <summary>{t("add")}</summary>
          <ActionForm action={createActivityAction} submitLabel={t("add")} savedMessage={t("added")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="activity-title">{t("name")}</label>
              <input id="activity-title" name="title" type="text" maxLength={200} />
            </div>
            <div className="row">
              <div className="field">
                <label htmlFor="activity-phase">{t("phase")}</label>
                <select id="activity-phase" name="phaseId">
                  {matrix.phases.map((p) => (
                    <option key={p.id} value={p.id}>
                      {phaseLabel(p.id)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="activity-form">{t("form")}</label>
                <select id="activity-form" name="form">
                  {FORMS.map((f) => (
                    <option key={f} value={f}>
                      {tp(`forms.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="activity-owner">{t("owner")}</label>
                <select id="activity-owner" name="ownerPartyId">
                  {matrix.parties.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <fieldset className="field">
              <legend>{t("guests")}</legend>
              <div className="row">
                {matrix.parties.map((p) => (
                  <label key={p.id}>
                    <input type="checkbox" name="guestPartyIds" value={p.id} /> {p.name}
                  </label>
                ))}
              </div>
            </fieldset>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
