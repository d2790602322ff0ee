"use client";
// Ending a place at the table: leaving it oneself, the facilitator removing someone, and undoing a
// removal. Each asks for a second, explicit click. Also a party's contact, and the contact's vouch.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  leaveTableAction,
  readmitMemberAction,
  removeMemberAction,
  setPartyContactAction,
  vouchForMemberAction,
} from "../../_actions/members.ts";
import { FormError } from "../../_components/form-error.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";
import { useHydrated } from "../../_components/use-hydrated.ts";

export function RemoveMemberForm({ tableId, membershipId, pseudonym }: { tableId: string; membershipId: string; pseudonym: string }) {
  const t = useTranslations("table");
  const [state, action, pending] = useActionState(removeMemberAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <details>
      <summary aria-label={t("removeSummary", { pseudonym })}>{t("remove")}</summary>
      <form method="post" onSubmit={onSubmit}>
        <FormError error={state && !state.ok ? state : null} />
        <input type="hidden" name="tableId" value={tableId} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <p className="hint">{t("removeLead", { pseudonym })}</p>
        <button type="submit" disabled={!hydrated || pending}>
          {t("removeConfirm", { pseudonym })}
        </button>
      </form>
    </details>
  );
}

export function LeaveTableForm({ tableId }: { tableId: string }) {
  const t = useTranslations("table");
  const [state, action, pending] = useActionState(leaveTableAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <details>
      <summary>{t("leave")}</summary>
      <form method="post" onSubmit={onSubmit}>
        <FormError error={state && !state.ok ? state : null} />
        <input type="hidden" name="tableId" value={tableId} />
        <button type="submit" disabled={!hydrated || pending}>
          {t("leaveConfirm")}
        </button>
      </form>
    </details>
  );
}

export function ReadmitForm({ tableId, membershipId, pseudonym }: { tableId: string; membershipId: string; pseudonym: string }) {
  const t = useTranslations("table");
  const [state, action, pending] = useActionState(readmitMemberAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit} className="row">
      <FormError error={state && !state.ok ? state : null} />
      <input type="hidden" name="tableId" value={tableId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" className="secondary" aria-label={t("readmitLabel", { pseudonym })} disabled={!hydrated || pending}>
        {t("readmit")}
      </button>
    </form>
  );
}

/** The facilitator marks a delegate as their party's contact, or no longer. */
export function PartyContactForm({
  tableId,
  membershipId,
  pseudonym,
  party,
  contact,
}: {
  tableId: string;
  membershipId: string;
  pseudonym: string;
  party: string;
  contact: boolean;
}) {
  const t = useTranslations("table");
  const [state, action, pending] = useActionState(setPartyContactAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit} className="row">
      <FormError error={state && !state.ok ? state : null} />
      <input type="hidden" name="tableId" value={tableId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="contact" value={contact ? "off" : "on"} />
      <button type="submit" className="secondary" disabled={!hydrated || pending}>
        {contact ? t("contactUnset", { pseudonym, party }) : t("contactSet", { pseudonym, party })}
      </button>
    </form>
  );
}

/** The party's contact vouches for someone of their own party. */
export function VouchForm({ tableId, membershipId, pseudonym }: { tableId: string; membershipId: string; pseudonym: string }) {
  const t = useTranslations("table");
  const [state, action, pending] = useActionState(vouchForMemberAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <details>
      <summary>{t("vouchFor", { pseudonym })}</summary>
      <form method="post" onSubmit={onSubmit}>
        <FormError error={state && !state.ok ? state : null} />
        <input type="hidden" name="tableId" value={tableId} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <p className="hint">{t("vouchLead", { pseudonym })}</p>
        <button type="submit" disabled={!hydrated || pending}>
          {t("vouchConfirm", { pseudonym })}
        </button>
      </form>
    </details>
  );
}
