"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { formatDateTime } from "../../../features/shared/dates.ts";
import { INVITATION_DAYS, ROLES, type Role } from "../../../features/tables/model.ts";
import { createInvitationAction, revokeInvitationAction } from "../../_actions/tables.ts";
import { FormError } from "../../_components/form-error.tsx";
import { PartySelect } from "../../_components/selects.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";
import { useHydrated } from "../../_components/use-hydrated.ts";
import type { ActionError } from "../../_server/action-result.ts";

type OpenInvitation = { id: string; role: Role; expiresAt: string; party: string | null };

/**
 * The facilitator's invitations (any role, any party, with the open links), or with `forParty` a
 * party contact's: a delegate of their own party only, e.g. someone who lost their way in.
 */
export function InvitationPanel({
  tableId,
  open,
  parties,
  forParty,
}: {
  tableId: string;
  open: OpenInvitation[];
  parties: { id: string; name: string }[];
  forParty?: { id: string; name: string };
}) {
  const t = useTranslations("table");
  const tr = useTranslations("roles");
  const locale = useLocale();
  const [state, action, pending] = useActionState(createInvitationAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const [revokeError, setRevokeError] = useState<ActionError | null>(null);
  const [revoking, startRevoke] = useTransition();
  const when = (iso: string) => formatDateTime(new Date(iso), locale);
  const link = state?.ok ? `${window.location.origin}/invite/${state.data.token}` : null;

  return (
    <section aria-labelledby="invitations" className="card">
      <h2 id="invitations" style={{ marginTop: 0 }}>
        {forParty ? t("contactInvitations", { party: forParty.name }) : t("invitations")}
      </h2>
      <p className="hint">{forParty ? t("contactInvitationsLead", { party: forParty.name }) : t("invitationsLead")}</p>
      <form method="post" onSubmit={onSubmit} className="row">
        <input type="hidden" name="tableId" value={tableId} />
        {forParty ? (
          <>
            <input type="hidden" name="role" value="delegate" />
            <input type="hidden" name="partyId" value={forParty.id} />
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="invite-role">{t("invitationRole")}</label>
              <select id="invite-role" name="role" defaultValue="delegate">
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {tr(role)}
                  </option>
                ))}
              </select>
            </div>
            {parties.length > 0 && <PartySelect id="invite-party" label={t("party")} parties={parties} empty={t("noParty")} />}
          </>
        )}
        <div className="field">
          <label htmlFor="invite-days">{t("invitationDays")}</label>
          <input
            id="invite-days"
            name="validDays"
            type="number"
            min={INVITATION_DAYS.min}
            max={INVITATION_DAYS.max}
            defaultValue={INVITATION_DAYS.default}
          />
        </div>
        <div className="field">
          <button type="submit" disabled={!hydrated || pending}>
            {t("createInvitation")}
          </button>
        </div>
      </form>
      {state && !state.ok && <FormError error={state} />}
      {state?.ok && link && (
        <div className="alert alert-ok" role="status">
          <p>{t("newInvitation", { role: tr(state.data.role), expires: when(state.data.expiresAt) })}</p>
          <p className="invite-link" data-testid="invitation-link">
            {link}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(link).then(() => setCopied(true));
            }}
          >
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
      )}
      {!forParty && <h3>{t("openInvitations")}</h3>}
      <FormError error={revokeError} />
      {forParty ? null : open.length === 0 ? (
        <p className="hint">{t("noOpenInvitations")}</p>
      ) : (
        <ul className="plain-list">
          {open.map((invitation) => (
            <li key={invitation.id}>
              <span>
                {t("invitationFor", {
                  role: tr(invitation.role),
                  hasParty: invitation.party ? "yes" : "no",
                  party: invitation.party ?? "",
                  expires: when(invitation.expiresAt),
                })}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={revoking}
                onClick={() =>
                  startRevoke(async () => {
                    const result = await revokeInvitationAction(tableId, invitation.id);
                    setRevokeError(result.ok ? null : result);
                  })
                }
              >
                {t("revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
