"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInvitationAction } from "../../_actions/invitations.ts";
import { ChairDeclarationFields } from "../../_components/chair-declaration-fields.tsx";
import { FormError } from "../../_components/form-error.tsx";
import { useFormSubmit } from "../../_components/use-form-submit.ts";
import { useHydrated } from "../../_components/use-hydrated.ts";

export function AcceptInvitation({ token, chair }: { token: string; chair: boolean }) {
  const t = useTranslations("invite");
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  const onSubmit = useFormSubmit(action);
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit} className="card">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && <FormError error={state} />}
      {chair && <ChairDeclarationFields />}
      <button type="submit" disabled={!hydrated || pending}>
        {pending ? t("joining") : t("accept")}
      </button>
    </form>
  );
}
