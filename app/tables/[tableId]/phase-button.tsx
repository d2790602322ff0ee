"use client";
import { useState, useTransition } from "react";
import { movePhaseAction, setCurrentPhaseAction } from "../../_actions/governance.ts";
import { FormError } from "../../_components/form-error.tsx";
import type { ActionError } from "../../_server/action-result.ts";

type Props = { tableId: string; phaseId: string; kind: "current" | "up" | "down"; label: string; name: string };

/** One click on a phase: make it current, or move it a place up or down. */
export function PhaseButton({ tableId, phaseId, kind, label, name }: Props) {
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
            const result =
              kind === "current" ? await setCurrentPhaseAction(tableId, phaseId) : await movePhaseAction(tableId, phaseId, kind);
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
