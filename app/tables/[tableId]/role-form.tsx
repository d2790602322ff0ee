"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ROLES, type Role } from "../../../features/tables/model.ts";
import { changeRoleAction } from "../../_actions/tables.ts";
import { FormError } from "../../_components/form-error.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";

export function RoleForm({
  tableId,
  membershipId,
  pseudonym,
  role,
  partyId,
  parties,
}: {
  tableId: string;
  membershipId: string;
  pseudonym: string;
  role: Role;
  partyId: string | null;
  parties: { id: string; name: string }[];
}) {
  const t = useTranslations("table");
  const tr = useTranslations("roles");
  const [state, action, pending] = useActionState(changeRoleAction, null);
  const onSubmit = useFormSubmit(action);
  const selectId = `role-${membershipId}`;
  return (
    <form onSubmit={onSubmit} className="row">
      <input type="hidden" name="tableId" value={tableId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={selectId} className="visually-hidden">
        {t("changeRole", { pseudonym })}
      </label>
      <select id={selectId} name="role" defaultValue={role}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {tr(option)}
          </option>
        ))}
      </select>
      {parties.length > 0 && (
        <>
          <label htmlFor={`party-of-${membershipId}`} className="visually-hidden">
            {t("changeParty", { pseudonym })}
          </label>
          <select id={`party-of-${membershipId}`} name="partyId" defaultValue={partyId ?? ""}>
            <option value="">{t("noParty")}</option>
            {parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`reason-${membershipId}`} className="visually-hidden">
        {t("roleReason", { pseudonym })}
      </label>
      <input id={`reason-${membershipId}`} name="reason" type="text" maxLength={500} placeholder={t("roleReasonPlaceholder")} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`${t("saveRole")}: ${pseudonym}`}>
        {t("saveRole")}
      </button>
      {state && !state.ok && <FormError error={state} />}
      {state?.ok && (
        <span role="status" className="hint">
          {t("roleChanged")}
        </span>
      )}
    </form>
  );
}
