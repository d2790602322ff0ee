import { getTranslations } from "next-intl/server";
import type { Form } from "../../../../features/participation/model.ts";
import type { participationMatrix } from "../../../../features/participation/queries.ts";
import type { tableForMember } from "../../../../features/tables/queries.ts";
import { Icon } from "../../../_components/icons.tsx";
import { FormChip } from "./form-chip.tsx";
import { participationLabels } from "./labels.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;
type Table = Awaited<ReturnType<typeof tableForMember>>;

/** The matrix of intended and perceived forms per party and phase, with the report downloads. */
export async function MatrixSection({ table, matrix }: { table: Table; matrix: Matrix }) {
  const t = await getTranslations("participation");
  const labels = await participationLabels();
  const formLabel = (form: Form | null) => <FormChip form={form} />;
  return (
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
  );
}
