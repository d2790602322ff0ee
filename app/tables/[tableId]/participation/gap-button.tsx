"use client";
import { useState, useTransition } from "react";
import { addGapAction } from "../../../_actions/participation.ts";
import { FormError } from "../../../_components/form-error.tsx";
import type { ActionError } from "../../../_server/action-result.ts";

export function GapButton({
  tableId,
  partyId,
  phaseId,
  label,
  context,
}: {
  tableId: string;
  partyId: string;
  phaseId: string;
  label: string;
  context: string;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        aria-label={`${label}: ${context}`}
        onClick={() =>
          startTransition(async () => {
            const result = await addGapAction(tableId, partyId, phaseId);
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
