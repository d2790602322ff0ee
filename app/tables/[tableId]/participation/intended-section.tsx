import { getTranslations } from "next-intl/server";
import { FORMS } from "../../../../features/participation/model.ts";
import type { participationMatrix } from "../../../../features/participation/queries.ts";
import type { tableForMember } from "../../../../features/tables/queries.ts";
import { setIntendedAction } from "../../../_actions/participation.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { FormSelect, PartySelect, PhaseSelect } from "../../../_components/selects.tsx";
import { participationLabels } from "./labels.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;
type Table = Awaited<ReturnType<typeof tableForMember>>;

/** For the process owners: set the form a party's participation is meant to have in a phase. */
export async function IntendedSection({ table, matrix }: { table: Table; matrix: Matrix }) {
  const t = await getTranslations("participation");
  const labels = await participationLabels();
  const phaseChoices = matrix.phases.map((phase) => ({ id: phase.id, label: labels.phase(phase) }));
  if (!(matrix.may["participation.intended.set"] && matrix.parties.length > 0)) return null;
  return (
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
  );
}
