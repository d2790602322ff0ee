import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FORMS, type Form, NOT_MEANINGFUL } from "../../../../features/participation/model.ts";
import type { Voice } from "../../../../features/participation/policy.ts";
import { participationMatrix } from "../../../../features/participation/queries.ts";
import { formatDateTime, formatDay, isoDate, isoDay } from "../../../../features/shared/dates.ts";
import { getDb } from "../../../../prisma/db.ts";
import { recordPerceptionAction, setIntendedAction } from "../../../_actions/participation.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { Icon, type IconName } from "../../../_components/icons.tsx";
import { FormSelect, PartySelect, PhaseSelect } from "../../../_components/selects.tsx";
import { loadTable } from "../load-table.ts";
import { ActivitiesSection, ConditionsSection } from "./conditions-section.tsx";
import { GapButton } from "./gap-button.tsx";
import { participationLabels } from "./labels.ts";

type Props = { params: Promise<{ tableId: string }>; searchParams?: Promise<Record<string, string | undefined>> };

// Each form has its own symbol, so the matrix never relies on colour alone.
const FORM_ICON: Record<Form, IconName> = {
  informing: "info",
  consultation: "message",
  shared_decision_power: "scale",
  sex_worker_led: "star",
  equal_combination: "infinity",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/participation`);
  return { title: (await getTranslations("participation"))("title", { table: table.title }) };
}

export default async function ParticipationPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const conditionsPhase = (await searchParams)?.phase || null;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/participation`);
  const t = await getTranslations("participation");
  const tt = await getTranslations("table");
  const locale = await getLocale();
  const labels = await participationLabels();
  const matrix = await participationMatrix(getDb(), session.accountId, table.id);
  const partyName = (id: string) => matrix.parties.find((p) => p.id === id)?.name ?? "";
  const phaseName = (id: string) => {
    const phase = matrix.phases.find((p) => p.id === id);
    return phase ? labels.phase(phase) : "";
  };
  const phaseChoices = matrix.phases.map((phase) => ({ id: phase.id, label: labels.phase(phase) }));
  const onAgenda = (partyId: string, phaseId: string) => matrix.onAgenda.some((a) => a.partyId === partyId && a.phaseId === phaseId);
  const myParty = matrix.parties.find((p) => p.id === matrix.me.speaksFor);
  const author = (voice: Voice) =>
    voice.kind === "person"
      ? t("byPerson", { name: voice.pseudonym })
      : voice.kind === "former"
        ? t("byFormerMember")
        : t("byOrganisation");
  const formLabel = (form: Form | null) =>
    form ? (
      <span className={`form-chip form-${form}`}>
        <Icon name={FORM_ICON[form]} />
        {t(`forms.${form}`)}
      </span>
    ) : (
      <span className="hint">{t("notSet")}</span>
    );
  const today = isoDate(new Date());
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>{t("title", { table: table.title })}</h1>
      <p className="lead">{t("lead")}</p>
      <details className="card">
        <summary>{t("definitions")}</summary>
        <dl className="facts">
          {FORMS.map((form) => (
            <div key={form} style={{ display: "contents" }}>
              <dt>{formLabel(form)}</dt>
              <dd>
                {t(`formDefinitions.${form}`)}
                {NOT_MEANINGFUL.includes(form) && <strong> {t("notMeaningful")}.</strong>}
              </dd>
            </div>
          ))}
        </dl>
      </details>

      <section aria-labelledby="matrix">
        <h2 id="matrix">{t("matrix")}</h2>
        {/* Focusable so keyboard users can scroll a wide matrix. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
        <section style={{ overflowX: "auto" }} tabIndex={0} aria-label={t("matrix")}>
          <table className="grid grid-fixed" data-testid="participation-matrix">
            <thead>
              <tr>
                <th scope="col">{t("party")}</th>
                {matrix.phases.map((phase) => (
                  <th scope="col" key={phase.id}>
                    {labels.phase(phase)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.parties.map((party) => (
                <tr key={party.id}>
                  <th scope="row">{party.name}</th>
                  {matrix.phases.map((phase) => {
                    const cell = matrix.cells.find((c) => c.partyId === party.id && c.phaseId === phase.id);
                    const gap = matrix.gaps.find((g) => g.partyId === party.id && g.phaseId === phase.id);
                    return (
                      <td key={phase.id} data-party={party.name} data-phase={phase.kind ?? phase.id} data-gap={gap?.severity ?? "none"}>
                        <div>
                          <span className="hint">{t("intended")}: </span>
                          {formLabel(cell?.intended ?? null)}
                        </div>
                        <div>
                          <span className="hint">{t("perceived")}: </span>
                          {formLabel(cell?.perceived ?? null)}
                        </div>
                        {gap && (
                          <div className={`badge state-${gap.severity === "serious" ? "not_met" : "not_assessable"}`}>
                            <Icon name="alert" />
                            {gap.severity === "serious" ? t("seriousGap") : t("differs")}
                          </div>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <p className="row">
          <a className="button secondary" href={`/tables/${table.id}/participation/report.csv`} download>
            {t("csv")}
          </a>
          <a className="button secondary" href={`/tables/${table.id}/participation/report.pdf`} download>
            {t("pdf")}
          </a>
        </p>
      </section>

      <section aria-labelledby="gaps">
        <h2 id="gaps">{t("gaps")}</h2>
        {matrix.gaps.length === 0 ? (
          <p className="hint">{t("noGaps")}</p>
        ) : (
          <ul className="plain-list" data-testid="gap-list">
            {matrix.gaps.map((gap) => {
              const context = `${partyName(gap.partyId)}, ${phaseName(gap.phaseId)}`;
              return (
                <li key={`${gap.partyId}-${gap.phaseId}`}>
                  <span>
                    <strong>{context}</strong>: {t("intended")} {t(`forms.${gap.intended}`)}, {t("perceived")} {t(`forms.${gap.perceived}`)}
                    {gap.severity === "serious" && <strong> — {t("seriousGap")}</strong>}
                  </span>
                  {onAgenda(gap.partyId, gap.phaseId) ? (
                    <span className="badge">{t("onList")}</span>
                  ) : (
                    matrix.may["participation.agenda.add"] && (
                      <GapButton
                        tableId={table.id}
                        partyId={gap.partyId}
                        phaseId={gap.phaseId}
                        label={t("toNextMeeting")}
                        context={context}
                      />
                    )
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {matrix.may["participation.intended.set"] && matrix.parties.length > 0 && (
        <section aria-labelledby="set-intended" className="card">
          <h2 id="set-intended" style={{ marginTop: 0 }}>
            {t("setIntended")}
          </h2>
          <ActionForm action={setIntendedAction} submitLabel={t("save")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="row">
              <PartySelect id="intended-party" label={t("party")} parties={matrix.parties} />
              <PhaseSelect id="intended-phase" label={t("phase")} phases={phaseChoices} />
              <FormSelect id="intended-form" label={t("form")} forms={FORMS} formLabel={(form) => t(`forms.${form}`)} />
            </div>
            <div className="field">
              <label htmlFor="intended-rationale">{t("rationale")}</label>
              <textarea id="intended-rationale" name="rationale" rows={2} maxLength={2000} />
            </div>
          </ActionForm>
        </section>
      )}

      {matrix.may["participation.perception.record"] && myParty && (
        <section aria-labelledby="record-perception" className="card">
          <h2 id="record-perception" style={{ marginTop: 0 }}>
            {t("recordPerception", { party: myParty.name })}
          </h2>
          <ActionForm action={recordPerceptionAction} submitLabel={t("save")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="row">
              <PhaseSelect id="perception-phase" label={t("phase")} phases={phaseChoices} />
              <FormSelect id="perception-form" label={t("form")} forms={FORMS} formLabel={(form) => t(`forms.${form}`)} />
              <div className="field">
                <label htmlFor="perception-date">{t("assessedOn")}</label>
                <input id="perception-date" name="assessedOn" type="date" defaultValue={today} max={today} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="perception-explanation">{t("explanation")}</label>
              <textarea id="perception-explanation" name="explanation" rows={3} maxLength={4000} />
            </div>
            <fieldset className="field">
              <legend>{t("attribution")}</legend>
              <label>
                <input type="radio" name="attribution" value="organisation" defaultChecked /> {t("asOrganisation")}
              </label>
              <label>
                <input type="radio" name="attribution" value="person" /> {t("asPerson")}
              </label>
            </fieldset>
            <div className="field">
              <label>
                <input type="checkbox" name="confidential" /> {t("confidential")}
              </label>
            </div>
          </ActionForm>
        </section>
      )}

      <ConditionsSection
        table={table}
        matrix={matrix}
        accountId={session.accountId}
        phaseId={matrix.phases.some((p) => p.id === conditionsPhase) ? conditionsPhase : null}
        phaseLabel={phaseName}
      />
      <ActivitiesSection table={table} matrix={matrix} accountId={session.accountId} phaseLabel={phaseName} />

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("timeline")}</h2>
        {matrix.parties.map((party) => {
          const entries = matrix.cells
            .filter((c) => c.partyId === party.id)
            .flatMap((c) => c.timeline.map((p) => ({ ...p, phaseId: c.phaseId })));
          entries.sort((a, b) => a.assessedOn.getTime() - b.assessedOn.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
          return (
            <details key={party.id}>
              <summary>{party.name}</summary>
              {entries.length === 0 ? (
                <p className="hint">{t("noAssessments")}</p>
              ) : (
                <ol>
                  {entries.map((p) => (
                    <li key={p.id} data-testid="assessment" data-current={p.current ? "yes" : "no"}>
                      <time dateTime={isoDay(p.assessedOn)}>{formatDay(p.assessedOn, locale)}</time> — {phaseName(p.phaseId)}:{" "}
                      {formLabel(p.form)} {author(p.author)}
                      {p.current && (
                        <>
                          {" "}
                          <span className="badge">{t("current")}</span>
                        </>
                      )}
                      {p.explanation ? (
                        <> — {p.explanation}</>
                      ) : p.confidential ? (
                        <span className="hint"> {t("confidentialHidden")}</span>
                      ) : null}
                      {p.revisions.length > 0 && (
                        <details data-testid="revisions">
                          <summary>{t("revisions", { count: p.revisions.length })}</summary>
                          <ol>
                            {p.revisions.map((r) => (
                              <li key={r.replacedAt.toISOString()}>
                                {formLabel(r.form)} ({formatDay(r.assessedOn, locale)})
                                {r.explanation ? (
                                  <> — {r.explanation}</>
                                ) : r.confidential ? (
                                  <span className="hint"> {t("confidentialHidden")}</span>
                                ) : null}
                                <span className="hint"> — {t("replacedAt", { when: formatDateTime(r.replacedAt, locale) })}</span>
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                      {p.correction !== "forbidden" && (
                        <details>
                          <summary>{t("correct")}</summary>
                          <p className="hint">{t(p.correction === "correct" ? "replaceWithin" : "replaceLater")}</p>
                          <ActionForm action={recordPerceptionAction} submitLabel={t("save")} savedMessage={t("saved")}>
                            <input type="hidden" name="tableId" value={table.id} />
                            <input type="hidden" name="phaseId" value={p.phaseId} />
                            <input type="hidden" name="replaces" value={p.id} />
                            <FormSelect
                              id={`correct-form-${p.id}`}
                              label={t("form")}
                              forms={FORMS}
                              formLabel={(form) => t(`forms.${form}`)}
                              defaultValue={p.form}
                            />
                            <div className="field">
                              <label htmlFor={`correct-explanation-${p.id}`}>{t("explanation")}</label>
                              <textarea
                                id={`correct-explanation-${p.id}`}
                                name="explanation"
                                rows={2}
                                defaultValue={p.explanation}
                                maxLength={4000}
                              />
                            </div>
                            <div className="field">
                              <label>
                                <input type="checkbox" name="confidential" defaultChecked={p.confidential} /> {t("confidential")}
                              </label>
                            </div>
                          </ActionForm>
                        </details>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </details>
          );
        })}
      </section>
    </div>
  );
}
