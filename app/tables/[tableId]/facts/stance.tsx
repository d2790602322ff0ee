import type { FactStance, FactStatus } from "../../../../generated/prisma/enums.ts";

// Each stance and status has its own symbol beside its text, so nothing relies on colour alone.
const STANCE_ICON: Record<FactStance | "none", string> = {
  accepts: "✓",
  accepts_with_caveat: "✓*",
  disputes: "✗",
  no_position: "–",
  none: "…",
};

const STATUS_ICON: Record<FactStatus, string> = {
  proposed: "○",
  under_discussion: "◐",
  agreed: "●",
  agreed_to_disagree: "⇄",
  retired: "⊘",
};

export function StanceChip({ stance, label, stale }: { stance: FactStance | null; label: string; stale?: string }) {
  return (
    <span className={`stance-chip stance-${stance ?? "none"}`} data-stance={stance ?? "none"}>
      <span aria-hidden="true">{STANCE_ICON[stance ?? "none"]} </span>
      {label}
      {stale && <span className="hint"> ({stale})</span>}
    </span>
  );
}

export function StatusBadge({ status, label }: { status: FactStatus; label: string }) {
  return (
    <span className={`badge fact-status status-${status}`} data-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {label}
    </span>
  );
}
