// A decision as every view shows it: its text with its standing against the mandate (within
// scope and with which power, or advisory only and why).
type DecisionRow = {
  id: string;
  text: string;
  domain: string;
  scope: string;
  decisionPower: string | null;
  advisoryReason: string | null;
  participationForm: string;
  roundId: string | null;
};

export type DecisionView = DecisionRow;

export function decisionView(d: DecisionRow): DecisionView {
  return {
    id: d.id,
    text: d.text,
    domain: d.domain,
    scope: d.scope,
    decisionPower: d.decisionPower,
    advisoryReason: d.advisoryReason,
    participationForm: d.participationForm,
    roundId: d.roundId,
  };
}
