import type { FactStance, FactStatus } from "../../../../generated/prisma/enums.ts";
import { Icon, type IconName } from "../../../_components/icons.tsx";

// Each stance and status has its own symbol beside its text, so nothing relies on colour alone.
const STANCE_ICON: Record<FactStance | "none", IconName> = {
  accepts: "check",
  accepts_with_caveat: "check-caveat",
  disputes: "x",
  no_position: "minus",
  none: "ellipsis",
};

const STATUS_ICON: Record<FactStatus, IconName> = {
  proposed: "circle",
  under_discussion: "circle-half",
  agreed: "circle-full",
  agreed_to_disagree: "swap",
  retired: "ban",
};

export function StanceChip({ stance, label, stale }: { stance: FactStance | null; label: string; stale?: string }) {
  return (
    <span className={`stance-chip stance-${stance ?? "none"}`} data-stance={stance ?? "none"}>
      <Icon name={STANCE_ICON[stance ?? "none"]} />
      {label}
      {stale && <span className="hint"> ({stale})</span>}
    </span>
  );
}

export function StatusBadge({ status, label }: { status: FactStatus; label: string }) {
  return (
    <span className={`badge fact-status status-${status}`} data-status={status}>
      <Icon name={STATUS_ICON[status]} />
      {label}
    </span>
  );
}
