// Speaking time per party, from the speaking queue's turns, so the chair can see whether one
// party dominates and who has not been heard yet. Pure: every time comes from the server clock
// that stored the turns. The chair's own words count under "chair", never under a party; a person
// the chair added without a device counts for the party the chair named, or as unaffiliated.

export type Turn = {
  /** The party the speaker speaks for, or null for the process roles and unaffiliated guests. */
  partyId: string | null;
  /** The chair or facilitator speaking as the process, not for a party. */
  chair: boolean;
  startedAt: Date;
  /** Null while the turn is running. */
  endedAt: Date | null;
};

export type BalanceRow = { key: string; ms: number; share: number; dominant: boolean; unheard: boolean };
export const CHAIR_KEY = "chair";
export const UNAFFILIATED_KEY = "unaffiliated";

// A party dominates when it took more than twice its fair share of the parties' speaking time.
export const DOMINANCE_FACTOR = 2;

/**
 * Milliseconds per party (plus chair and unaffiliated), for the parties present. Turns that
 * overlap end where the next one starts — calling the next speaker ends the previous turn — so no
 * moment is counted twice.
 */
export function speakingBalance(turns: readonly Turn[], partiesPresent: readonly string[], now: Date): BalanceRow[] {
  const sorted = [...turns].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const totals = new Map<string, number>(partiesPresent.map((id) => [id, 0]));
  sorted.forEach((turn, index) => {
    const next = sorted[index + 1];
    const end = Math.min((turn.endedAt ?? now).getTime(), next ? next.startedAt.getTime() : Number.POSITIVE_INFINITY, now.getTime());
    const ms = Math.max(0, end - turn.startedAt.getTime());
    const key = turn.chair ? CHAIR_KEY : (turn.partyId ?? UNAFFILIATED_KEY);
    totals.set(key, (totals.get(key) ?? 0) + ms);
  });
  const partyKeys = [...totals.keys()].filter((key) => key !== CHAIR_KEY && key !== UNAFFILIATED_KEY);
  const partyTotal = partyKeys.reduce((sum, key) => sum + (totals.get(key) ?? 0), 0);
  const fairShare = partyKeys.length > 0 ? 1 / partyKeys.length : 0;
  return [...totals.entries()].map(([key, ms]) => {
    const isParty = key !== CHAIR_KEY && key !== UNAFFILIATED_KEY;
    const share = isParty && partyTotal > 0 ? ms / partyTotal : 0;
    return {
      key,
      ms,
      share,
      dominant: isParty && partyKeys.length > 1 && share > DOMINANCE_FACTOR * fairShare,
      unheard: isParty && ms === 0,
    };
  });
}
