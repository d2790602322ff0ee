import { getLocale, getTranslations } from "next-intl/server";
import { activitiesOf } from "../../../../features/participation/activities.ts";
import {
  ANSWERS,
  type AnswerView,
  CONDITION_GROUPS,
  CONDITION_ITEMS,
  conditionsOverview,
} from "../../../../features/participation/conditions.ts";
import { FORMS } from "../../../../features/participation/model.ts";
import { type ConditionVoice, PROCESS_OWNER_ROLES, type ProcessOwnerRole } from "../../../../features/participation/policy.ts";
import type { participationMatrix } from "../../../../features/participation/queries.ts";
import { formatDateTime } from "../../../../features/shared/dates.ts";
import type { tableForMember } from "../../../../features/tables/queries.ts";
import { getDb } from "../../../../prisma/db.ts";
import { answerConditionAction, createActivityAction } from "../../../_actions/participation.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { Icon, type IconName } from "../../../_components/icons.tsx";
import { FormSelect, PartySelect, PhaseSelect } from "../../../_components/selects.tsx";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;
type Table = Awaited<ReturnType<typeof tableForMember>>;

const ANSWER_ICON = { met: "check", partly: "circle-half", not_met: "x", not_applicable: "minus" } as const satisfies Record<
  string,
  IconName
>;

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
  const tp = await getTranslations("participation");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const overview = await conditionsOverview(getDb(), accountId, table.id, phaseId);
  const mine = overview.mine;
  // The process owners' own answers stand in columns of their own, never in a party's.
  const processRoles: ProcessOwnerRole[] = [...new Set([...overview.processRoles, ...(mine?.kind === "process" ? [mine.role] : [])])].sort(
    (a, b) => PROCESS_OWNER_ROLES.indexOf(a) - PROCESS_OWNER_ROLES.indexOf(b),
  );
  const columns: { key: string; label: string; matches: (voice: ConditionVoice) => boolean }[] = [
    ...matrix.parties.map((p) => ({
      key: p.id,
      label: p.name,
      matches: (voice: ConditionVoice) => voice.kind === "party" && voice.partyId === p.id,
    })),
    ...processRoles.map((role) => ({
      key: role,
      label: t(`processOwner.${role}`),
      matches: (voice: ConditionVoice) => voice.kind === "process" && voice.role === role,
    })),
  ];
  const author = (answer: AnswerView) =>
    answer.author.kind === "person"
      ? ` (${tp("byPerson", { name: answer.author.pseudonym })})`
      : answer.author.kind === "former"
        ? ` (${tp("byFormerMember")})`
        : answer.author.kind === "anonymous"
          ? ` (${tp("byAnonymous")})`
          : "";
  const answerText = (answer: AnswerView) => (
    <>
      <Icon name={ANSWER_ICON[answer.answer]} />
      {t(`answers.${answer.answer}`)}
      {author(answer)}
      {answer.evidence && <span className="hint"> — {answer.evidence}</span>}
    </>
  );
  const myParty = mine?.kind === "party" ? matrix.parties.find((p) => p.id === mine.partyId) : undefined;
  return (
    <section aria-labelledby="conditions">
      <h2 id="conditions">{t("title")}</h2>
      <p className="hint">{t("lead")}</p>
      <form method="get" className="row">
        <PhaseSelect
          id="conditions-phase"
          name="phase"
          label={t("scope")}
          phases={matrix.phases.map((p) => ({ id: p.id, label: phaseLabel(p.id) }))}
          empty={t("wholeTable")}
          defaultValue={phaseId ?? ""}
        />
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
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          {Object.entries(CONDITION_GROUPS).map(([group, items]) => (
            <tbody key={group}>
              <tr>
                <th scope="colgroup" colSpan={columns.length + 1}>
                  {t(`groups.${group as keyof typeof CONDITION_GROUPS}`)}
                </th>
              </tr>
              {items.map((item) => {
                const row = overview.items.find((r) => r.item === item);
                return (
                  <tr key={item} data-item={item} data-differs={row?.differs ? "yes" : "no"}>
                    <th scope="row">
                      {item} {t(`items.${item}`)}
                      {row?.differs && (
                        <span className="badge state-not_assessable">
                          <Icon name="alert" />
                          {t("differs")}
                        </span>
                      )}
                    </th>
                    {columns.map((c) => {
                      const answer = row?.answers.find((a) => c.matches(a.voice));
                      return (
                        <td key={c.key} data-column={c.label}>
                          {answer ? answerText(answer) : t("noAnswer")}
                          {answer && answer.earlier.length > 0 && (
                            <details>
                              <summary>{t("earlier", { count: answer.earlier.length })}</summary>
                              <ol>
                                {answer.earlier.map((e) => (
                                  <li key={e.at.toISOString()}>
                                    <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time>: {answerText(e)}
                                  </li>
                                ))}
                              </ol>
                            </details>
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
      {mine ? (
        <details className="card">
          <summary>
            {mine.kind === "party" ? t("answerFor", { party: myParty?.name ?? "" }) : t("answerAsProcessOwner", { role: tr(mine.role) })}
          </summary>
          {mine.kind === "process" && <p className="hint">{t("processOwnerLead")}</p>}
          <ActionForm action={answerConditionAction} submitLabel={t("save")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <input type="hidden" name="phaseId" value={phaseId ?? ""} />
            <div className="row">
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
            {mine.kind === "party" && (
              <fieldset className="field">
                <legend>{tp("attribution")}</legend>
                <label>
                  <input
                    type="radio"
                    name="attribution"
                    value="organisation"
                    defaultChecked={table.myAttributionDefault === "organisation"}
                  />{" "}
                  {tp("asOrganisation")}
                </label>
                <label>
                  <input type="radio" name="attribution" value="person" defaultChecked={table.myAttributionDefault === "person"} />{" "}
                  {tp("asPerson")}
                </label>
                <label>
                  <input type="radio" name="attribution" value="anonymous" defaultChecked={table.myAttributionDefault === "anonymous"} />{" "}
                  {tp("asAnonymous")}
                </label>
              </fieldset>
            )}
          </ActionForm>
        </details>
      ) : (
        overview.onlyWholeTable && <p className="hint">{t("processOwnerWholeTableOnly")}</p>
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
      {matrix.may["participation.intended.set"] && matrix.parties.length > 0 && (
        <details className="card">
          <summary>{t("add")}</summary>
          <ActionForm action={createActivityAction} submitLabel={t("add")} savedMessage={t("added")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="activity-title">{t("name")}</label>
              <input id="activity-title" name="title" type="text" maxLength={200} />
            </div>
            <div className="row">
              <PhaseSelect
                id="activity-phase"
                label={t("phase")}
                phases={matrix.phases.map((p) => ({ id: p.id, label: phaseLabel(p.id) }))}
              />
              <FormSelect id="activity-form" label={t("form")} forms={FORMS} formLabel={(f) => tp(`forms.${f}`)} />
              <PartySelect id="activity-owner" name="ownerPartyId" label={t("owner")} parties={matrix.parties} />
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
