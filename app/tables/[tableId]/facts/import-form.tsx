"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { importStarterAction } from "../../../_actions/facts.ts";
import { FormError } from "../../../_components/form-error.tsx";
import { useFormSubmit } from "../../../_components/use-form-submit.ts";
import { useHydrated } from "../../../_components/use-hydrated.ts";

/** Imports the starter set and says how many records and links it added. */
export function ImportForm({ tableId }: { tableId: string }) {
  const t = useTranslations("facts");
  const [state, dispatch, pending] = useActionState(importStarterAction, null);
  const onSubmit = useFormSubmit(dispatch);
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit}>
      {state && !state.ok && <FormError error={state} />}
      <input type="hidden" name="tableId" value={tableId} />
      <button type="submit" className="secondary" disabled={!hydrated || pending}>
        {t("import")}
      </button>
      {state?.ok && (
        <p role="status" className="hint">
          {t("imported", state.data)}
        </p>
      )}
    </form>
  );
}
