import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "../../../features/shared/dates.ts";
import { addPhaseAction, updatePhaseAction } from "../../_actions/governance.ts";
import { ActionForm } from "../../_components/action-form.tsx";
import { PhaseButton } from "./phase-button.tsx";
import type { Overview, Table } from "./section-types.ts";

export async function PhasesSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("phases");
  const locale = await getLocale();
  const day = (date: Date | null) => (date ? formatDay(date, locale) : "…");
  const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  return (
    <section aria-labelledby="phases">
      <h2 id="phases">{t("title")}</h2>
      <ol className="phase-list" data-testid="phase-list">
        {overview.phases.map((phase, index) => {
          const name = phase.name || (phase.kind ? t(`kinds.${phase.kind}` as "kinds.agenda_setting") : "");
          return (
            <li key={phase.id} aria-current={phase.current ? "step" : undefined} className={phase.current ? "current" : undefined}>
              <div className="row" style={{ justifyContent: "space-between" }}>
                <span>
                  <strong>{name}</strong> {phase.current && <span className="badge">{t("current")}</span>}
                  {(phase.startsOn || phase.endsOn) && (
                    <span className="hint"> {t("dates", { start: day(phase.startsOn), end: day(phase.endsOn) })}</span>
                  )}
                </span>
                {table.may["phases.manage"] && (
                  <span className="row">
                    {!phase.current && (
                      <PhaseButton tableId={table.id} phaseId={phase.id} kind="current" label={t("makeCurrent")} name={name} />
                    )}
                    {index > 0 && <PhaseButton tableId={table.id} phaseId={phase.id} kind="up" label={t("moveUp")} name={name} />}
                    {index < overview.phases.length - 1 && (
                      <PhaseButton tableId={table.id} phaseId={phase.id} kind="down" label={t("moveDown")} name={name} />
                    )}
                  </span>
                )}
              </div>
              <p className="hint">
                {t("deliverables")}: {phase.deliverables || t("noDeliverables")}
              </p>
              {table.may["phases.manage"] && (
                <details>
                  <summary>
                    {t("edit")}: {name}
                  </summary>
                  <ActionForm action={updatePhaseAction} submitLabel={t("save")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="phaseId" value={phase.id} />
                    <div className="field">
                      <label htmlFor={`phase-name-${phase.id}`}>{t("name")}</label>
                      <input id={`phase-name-${phase.id}`} name="name" type="text" defaultValue={phase.name} maxLength={120} />
                    </div>
                    <div className="field">
                      <label htmlFor={`phase-deliverables-${phase.id}`}>{t("deliverables")}</label>
                      <textarea id={`phase-deliverables-${phase.id}`} name="deliverables" defaultValue={phase.deliverables} rows={2} />
                    </div>
                    <div className="row">
                      <div className="field">
                        <label htmlFor={`phase-start-${phase.id}`}>{t("startsOn")}</label>
                        <input id={`phase-start-${phase.id}`} name="startsOn" type="date" defaultValue={iso(phase.startsOn)} />
                      </div>
                      <div className="field">
                        <label htmlFor={`phase-end-${phase.id}`}>{t("endsOn")}</label>
                        <input id={`phase-end-${phase.id}`} name="endsOn" type="date" defaultValue={iso(phase.endsOn)} />
                      </div>
                    </div>
                  </ActionForm>
                </details>
              )}
            </li>
          );
        })}
      </ol>
      {table.may["phases.manage"] && (
        <ActionForm action={addPhaseAction} submitLabel={t("add")} className="row" secondary>
          <input type="hidden" name="tableId" value={table.id} />
          <div className="field">
            <label htmlFor="new-phase-name">{t("newName")}</label>
            <input id="new-phase-name" name="name" type="text" maxLength={120} />
          </div>
        </ActionForm>
      )}
    </section>
  );
}
