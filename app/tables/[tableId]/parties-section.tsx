import { getTranslations } from "next-intl/server";
import { PARTY_TYPES, REPRESENTATIONS } from "../../../features/tables/parties.ts";
import { addPartyAction, updatePartyAction } from "../../_actions/governance.ts";
import { ActionForm } from "../../_components/action-form.tsx";
import { Icon } from "../../_components/icons.tsx";
import type { Overview, Table } from "./section-types.ts";

export async function PartiesSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("parties");
  return (
    <section aria-labelledby="parties">
      <h2 id="parties">{t("title")}</h2>
      {overview.warnings.map((warning) => (
        <p key={warning} className="alert alert-error" data-testid={`warning-${warning}`}>
          <Icon name="alert" />
          {t(`warnings.${warning}`)}
        </p>
      ))}
      {overview.parties.length > 0 && overview.missingAffected.length > 0 && (
        <p className="hint" data-testid="missing-parties">
          {t("oftenAffected", { types: overview.missingAffected.map((type) => t(`types.${type}`)).join(", ") })}
        </p>
      )}
      {overview.parties.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="plain-list" data-testid="party-list">
          {overview.parties.map((party) => (
            <li key={party.id}>
              <div>
                <strong>{party.name}</strong> <span className="badge">{t(`types.${party.type}`)}</span>
                {party.hasDecisionPower && <span className="badge">{t("decisionPower")}</span>}
                <br />
                <span className="hint">
                  {[party.represents, t(`representations.${party.representation}`), t("members", { count: party._count.memberships })]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </div>
              {table.may["parties.manage"] && (
                <details style={{ flexBasis: "100%" }}>
                  <summary>{t("editParty", { party: party.name })}</summary>
                  <ActionForm action={updatePartyAction} submitLabel={t("save")} savedMessage={t("saved")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="partyId" value={party.id} />
                    <PartyFields idPrefix={`party-${party.id}`} party={party} />
                  </ActionForm>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {table.may["parties.manage"] && (
        <details className="card">
          <summary>{t("add")}</summary>
          <ActionForm action={addPartyAction} submitLabel={t("add")} savedMessage={t("added")}>
            <input type="hidden" name="tableId" value={table.id} />
            <PartyFields idPrefix="party" />
          </ActionForm>
        </details>
      )}
    </section>
  );
}

type PartyDefaults = { type: string; name: string; represents: string; representation: string; hasDecisionPower: boolean };

/** The fields of a party, for adding one or changing one; ids are unique per form. */
async function PartyFields({ idPrefix, party }: { idPrefix: string; party?: PartyDefaults }) {
  const t = await getTranslations("parties");
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-type`}>{t("type")}</label>
        <select id={`${idPrefix}-type`} name="type" defaultValue={party?.type ?? "sex_worker_organisation"}>
          {PARTY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t("name")}</label>
        <input id={`${idPrefix}-name`} name="name" type="text" maxLength={120} defaultValue={party?.name} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-represents`}>{t("represents")}</label>
        <input id={`${idPrefix}-represents`} name="represents" type="text" maxLength={500} defaultValue={party?.represents} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-representation`}>{t("representation")}</label>
        <select id={`${idPrefix}-representation`} name="representation" defaultValue={party?.representation ?? "delegates"}>
          {REPRESENTATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`representations.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="hasDecisionPower" defaultChecked={party?.hasDecisionPower} /> {t("hasDecisionPower")}
        </label>
      </div>
    </>
  );
}
