import { getLocale, getTranslations } from "next-intl/server";
import { FORMS, type Form } from "../../../../features/participation/model.ts";
import type { Voice } from "../../../../features/participation/policy.ts";
import type { participationMatrix } from "../../../../features/participation/queries.ts";
import { formatDateTime, formatDay, isoDay } from "../../../../features/shared/dates.ts";
import type { tableForMember } from "../../../../features/tables/queries.ts";
import { recordPerceptionAction } from "../../../_actions/participation.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { FormSelect } from "../../../_components/selects.tsx";
import { FormChip } from "./form-chip.tsx";
import { participationLabels } from "./labels.ts";
import { phaseNamer } from "./matrix-names.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;
type Table = Awaited<ReturnType<typeof tableForMember>>;

/** Each party's assessments over time, with corrections and their history. */
export async function TimelineSection({ table, matrix }: { table: Table; matrix: Matrix }) {
  const t = await getTranslations("participation");
  const locale = await getLocale();
  const labels = await participationLabels();
  const phaseName = phaseNamer(matrix, labels);
  const author = (voice: Voice) =>
    voice.kind === "person"
      ? t("byPerson", { name: voice.pseudonym })
      : voice.kind === "former"
        ? t("byFormerMember")
        : voice.kind === "anonymous"
          ? t("byAnonymous")
          : t("byOrganisation");
  const formLabel = (form: Form | null) => <FormChip form={form} />;
  return (
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
  );
}
