import { getTranslations } from "next-intl/server";
import type { participationMatrix } from "../../../../features/participation/queries.ts";
import type { tableForMember } from "../../../../features/tables/queries.ts";
import { GapButton } from "./gap-button.tsx";
import { participationLabels } from "./labels.ts";
import { phaseNamer } from "./matrix-names.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;
type Table = Awaited<ReturnType<typeof tableForMember>>;

/** Where intended and perceived participation differ, with a way onto the next meeting's list. */
export async function GapsSection({ table, matrix }: { table: Table; matrix: Matrix }) {
  const t = await getTranslations("participation");
  const labels = await participationLabels();
  const partyName = (id: string) => matrix.parties.find((p) => p.id === id)?.name ?? "";
  const phaseName = phaseNamer(matrix, labels);
  const onAgenda = (partyId: string, phaseId: string) => matrix.onAgenda.some((a) => a.partyId === partyId && a.phaseId === phaseId);
  return (
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
  );
}
