// Where a party's experience differs from what was intended. The most serious gap: a sex worker
// party meant to share or hold decision power that experienced being merely informed.
import type { PartyType } from "../../generated/prisma/enums.ts";
import { SEX_WORKER_PARTY_TYPES } from "../tables/parties.ts";
import { DECISION_SHARING, type Form } from "./model.ts";

export type Gap = { partyId: string; phaseId: string; intended: Form; perceived: Form; severity: "serious" | "differs" };

export function findGaps(
  cells: { partyId: string; partyType: PartyType; phaseId: string; intended: Form | null; perceived: Form | null }[],
): Gap[] {
  return cells.flatMap((cell) => {
    if (!cell.intended || !cell.perceived || cell.intended === cell.perceived) return [];
    const serious =
      SEX_WORKER_PARTY_TYPES.includes(cell.partyType) && DECISION_SHARING.includes(cell.intended) && cell.perceived === "informing";
    return [
      {
        partyId: cell.partyId,
        phaseId: cell.phaseId,
        intended: cell.intended,
        perceived: cell.perceived,
        severity: serious ? "serious" : "differs",
      },
    ];
  });
}
