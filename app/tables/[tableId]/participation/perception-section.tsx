import { getTranslations } from "next-intl/server";
import { FORMS } from "../../../../features/participation/model.ts";
import type { participationMatrix } from "../../../../features/participation/queries.ts";
import { isoDate } from "../../../../features/shared/dates.ts";
import type { tableForMember } from "../../../../features/tables/queries.ts";
import { recordPerceptionAction } from "../../../_actions/participation.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { FormSelect, PhaseSelect } from "../../../_components/selects.tsx";
import { participationLabels } from "./labels.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;
type Table = Awaited<ReturnType<typeof tableForMember>>;

/** For a party's delegates: record how their party experienced its participation. */
export async function PerceptionSection({ table, matrix }: { table: Table; matrix: Matrix }) {
  const t = await getTranslations("participation");
  const labels = await participationLabels();
  const phaseChoices = matrix.phases.map((phase) => ({ id: phase.id, label: labels.phase(phase) }));
  const myParty = matrix.parties.find((p) => p.id === matrix.me.speaksFor);
  const today = isoDate(new Date());
  if (!(matrix.may["participation.perception.record"] && myParty)) return null;
  return (
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
            <input type="radio" name="attribution" value="organisation" defaultChecked={table.myAttributionDefault === "organisation"} />{" "}
            {t("asOrganisation")}
          </label>
          <label>
            <input type="radio" name="attribution" value="person" defaultChecked={table.myAttributionDefault === "person"} />{" "}
            {t("asPerson")}
          </label>
          <label>
            <input type="radio" name="attribution" value="anonymous" defaultChecked={table.myAttributionDefault === "anonymous"} />{" "}
            {t("asAnonymous")}
          </label>
        </fieldset>
        <div className="field">
          <label>
            <input type="checkbox" name="confidential" /> {t("confidential")}
          </label>
        </div>
      </ActionForm>
    </section>
  );
}
