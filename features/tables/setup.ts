// The guided setup of a new table: the five things a table needs before it can work as a
// collaborative table, in the order a facilitator usually settles them. The overview shows the
// list, with what is still missing, until every step is done.
export const SETUP_STEPS = ["question", "parties", "mandate", "chair", "invitations"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export type SetupInput = {
  policyQuestion: string;
  partyCount: number;
  hasMandate: boolean;
  chair: { declared: boolean } | null;
  /** Members other than the facilitators, plus invitations still open. */
  othersInvited: number;
};

// Two parties at least: one party alone is a consultation, not a table.
export const MIN_SETUP_PARTIES = 2;

export type SetupProgress = { steps: { step: SetupStep; done: boolean }[]; complete: boolean; next: SetupStep | null };

export function setupProgress(input: SetupInput): SetupProgress {
  const done: Record<SetupStep, boolean> = {
    question: input.policyQuestion.trim().length > 0,
    parties: input.partyCount >= MIN_SETUP_PARTIES,
    mandate: input.hasMandate,
    chair: input.chair?.declared === true,
    invitations: input.othersInvited > 0,
  };
  const steps = SETUP_STEPS.map((step) => ({ step, done: done[step] }));
  const next = steps.find((s) => !s.done)?.step ?? null;
  return { steps, complete: next === null, next };
}
