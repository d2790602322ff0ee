"use client";
import { type ReactNode, useActionState } from "react";
import type { ActionResult } from "../_server/action-result.ts";
import { FormError } from "./form-error.tsx";
import { useFormSubmit } from "./use-form-submit.ts";
import { useHydrated } from "./use-hydrated.ts";

type Props = {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  submitLabel: string;
  savedMessage?: string;
  children: ReactNode;
  className?: string;
  secondary?: boolean;
};

/** A form for a server action: keeps its input, shows the translated error or a saved notice. */
export function ActionForm({ action, submitLabel, savedMessage, children, className, secondary }: Props) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = useFormSubmit(dispatch);
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit} className={className} noValidate>
      {state && !state.ok && <FormError error={state} />}
      {children}
      <button type="submit" disabled={!hydrated || pending} className={secondary ? "secondary" : undefined}>
        {submitLabel}
      </button>
      {state?.ok && savedMessage && (
        <p role="status" className="hint">
          {savedMessage}
        </p>
      )}
    </form>
  );
}
