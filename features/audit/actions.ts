// Every action the audit log can hold, in one list: the audit writer accepts only these, and each
// has a message in the activity log (a test checks both message files), so a new kind of event
// cannot reach the log as an unexplained "change".

/** Events of a table, shown to its members in the activity log. */
export const TABLE_AUDIT_ACTIONS = [
  "table.created",
  "table.details_changed",
  "table.status_changed",
  "table.archived",
  "table.unarchived",
  "party.added",
  "party.changed",
  "phase.changed",
  "phase.added",
  "phase.current_changed",
  "phase.moved",
  "mandate.recorded",
  "mandate.amended",
  "commitment.recorded",
  "commitment.breached",
  "chair.appointed",
  "chair.declared",
  "invitation.created",
  "invitation.revoked",
  "membership.joined",
  "membership.role_changed",
  "membership.left",
  "membership.removed",
  "membership.readmitted",
  /** Someone at the table erased their account. Holds no ids, role or party: it names nobody. */
  "membership.erased",
  "participation.intended_set",
  "participation.perception_recorded",
  "participation.perception_corrected",
  "participation.condition_answered",
  "participation.activity_created",
  "agenda.item_added",
  "fact.proposed",
  "fact.edited",
  "fact.wording_changed",
  "fact.status_changed",
  "fact.position_recorded",
  "fact.linked",
  "fact.unlinked",
  "fact.question_asked",
  "fact.question_answered",
  "fact.question_withdrawn",
  "facts.imported",
  "commitment.responded",
  "membership.vouched",
  "membership.contact_changed",
  "doc.version_frozen",
  "round.opened",
  "round.answered",
  "round.answer_changed",
  "round.closed",
  "meeting.poll_proposed",
  "meeting.poll_answered",
  "meeting.scheduled",
  "meeting.details_changed",
  "meeting.replied",
  "meeting.agenda_item_added",
  "meeting.agenda_reordered",
  "meeting.agenda_item_removed",
  "meeting.session_opened",
  "meeting.session_ended",
  "meeting.item_started",
  "meeting.attendance_recorded",
  "meeting.check_opened",
  "meeting.decision_recorded",
  "meeting.minutes_started",
  "meeting.action_added",
  "meeting.action_status_changed",
  "compensation.policy_set",
  "compensation.proposed",
  "compensation.claimed",
  "compensation.confirmed",
  "compensation.adjusted",
  "compensation.disputed",
  "compensation.approved",
  "compensation.paid",
  "compensation.reversed",
  "compensation.vault_saved",
  "compensation.vault_deleted",
  "compensation.vault_viewed",
  "measure.created",
  "measure.edited",
  "measure.status_changed",
  "measure.check_opened",
  "measure.check_answered",
  "measure.mitigation_recorded",
  "measure.mitigation_removed",
  "measure.adopted",
  "measure.indicator_added",
  "measure.plan_changed",
  "measure.value_recorded",
  "measure.review_opened",
  "measure.review_assessed",
  "measure.review_decided",
] as const;

/** Events of an account (signing in and out, passphrases): kept for security, not shown at a table. */
export const ACCOUNT_AUDIT_ACTIONS = [
  "account.created",
  "account.passphrase_changed",
  "session.signed_in",
  "session.sign_in_failed",
  "session.second_factor_failed",
  "session.signed_out",
  "session.ended",
  "account.recovery_code_issued",
  "account.recovery_failed",
  "account.recovered",
  "account.consent_given",
  "account.consent_withdrawn",
  "account.second_factor_enabled",
  "account.second_factor_removed",
  /** An account was erased. Recorded without the account id: the log cannot tell whose it was. */
  "account.erased",
] as const;

export const AUDIT_ACTIONS = [...TABLE_AUDIT_ACTIONS, ...ACCOUNT_AUDIT_ACTIONS] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Message keys cannot contain dots (they nest), so "party.added" is "activity.actions.party_added". */
export function auditMessageKey(action: AuditAction): string {
  return action.replace(".", "_");
}
