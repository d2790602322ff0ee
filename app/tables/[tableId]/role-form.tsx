"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ROLES, type Role } from "../../../features/tables/model.ts";
import { changeRoleAction } from "../../_actions/tables.ts";
import { FormError } from "../../_components/form-error.tsx";
import { PartySelect } from "../../_components/selects.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";
import { useHydrated } from "../../_components/use-hydrated.ts";

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
  const hydrated = useHydrated();
  const selectId = `role-${membershipId}`;
  return (
    <form method="post" onSubmit={onSubmit} className="row">
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
        <PartySelect
          bare
          id={`party-of-${membershipId}`}
          label={t("changeParty", { pseudonym })}
          parties={parties}
          empty={t("noParty")}
          defaultValue={partyId ?? ""}
        />
      )}
      <label htmlFor={`reason-${membershipId}`} className="visually-hidden">
        {t("roleReason", { pseudonym })}
      </label>
      <input id={`reason-${membershipId}`} name="reason" type="text" maxLength={500} placeholder={t("roleReasonPlaceholder")} />
      <button type="submit" className="secondary" disabled={!hydrated || pending} aria-label={`${t("saveRole")}: ${pseudonym}`}>
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
