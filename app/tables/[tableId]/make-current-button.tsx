"use client";
import { useState, useTransition } from "react";
import { setCurrentPhaseAction } from "../../_actions/governance.ts";
import { FormError } from "../../_components/form-error.tsx";
import type { ActionError } from "../../_server/action-result.ts";

export function MakeCurrentButton({ tableId, phaseId, label, name }: { tableId: string; phaseId: string; label: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        aria-label={`${label}: ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await setCurrentPhaseAction(tableId, phaseId);
            setError(result.ok ? null : result);
          })
        }
      >
        {label}
      </button>
      <FormError error={error} />
    </span>
  );
}
