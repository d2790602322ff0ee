// Errors a person can meet carry a stable code; messages/<locale>.json maps each code to text
// under "errors.<CODE>". Anything else is a bug and shows the generic error.
export const ERROR_CODES = [
  "INVALID_INPUT",
  "SIGN_IN_NAME_TAKEN",
  "SIGN_IN_NAME_INVALID",
  "PSEUDONYM_INVALID",
  "PASSPHRASE_TOO_SHORT",
  "PASSPHRASE_TOO_LONG",
  "PASSPHRASE_COMMON",
  "PASSPHRASE_MISMATCH",
  "PASSPHRASE_WRONG",
  "PASSPHRASE_UNCHANGED",
  "SIGN_IN_FAILED",
  "SIGN_IN_THROTTLED",
  "SIGN_UP_THROTTLED",
  "NOT_SIGNED_IN",
  "FORBIDDEN",
  "NOT_FOUND",
  "TABLE_TITLE_INVALID",
  "INVITATION_INVALID",
  "INVITATION_EXPIRED",
  "INVITATION_USED",
  "INVITATION_REVOKED",
  "INVITATION_WRONG_TABLE",
  "ALREADY_MEMBER",
  "REMOVED_FROM_TABLE",
  "LAST_FACILITATOR",
  "TABLE_CLOSED",
  "LANGUAGES_REQUIRED",
  "PARTY_NAME_INVALID",
  "PHASE_NAME_INVALID",
  "PHASE_ENDS_BEFORE_START",
  "INVALID_DATE",
  "OFFICIAL_INVALID",
  "MANDATE_REFERENCE_REQUIRED",
  "MANDATE_SCOPE_REQUIRED",
  "MANDATE_DOMAINS_REQUIRED",
  "MANDATE_OFFICIAL_REQUIRED",
  "MANDATE_TERM_INVALID",
  "AMENDMENT_NOTE_REQUIRED",
  "CHAIR_IS_DELEGATE",
  "CHAIR_HOLDS_OFFICE",
  "CHAIR_DECLARATION_REQUIRED",
  "CHAIR_ALREADY_DECLARED",
  "BREACH_NOTE_REQUIRED",
  "DELEGATE_NEEDS_PARTY",
  "ASSESSMENT_IN_FUTURE",
  "ASSESSMENT_BEFORE_PHASE",
  "ACTIVITY_TITLE_INVALID",
  "NO_PARTY_TO_SPEAK_FOR",
  "PROCESS_ANSWERS_WHOLE_TABLE",
  "CHANGED_MEANWHILE",
  "FACT_TITLE_INVALID",
  "FACT_CODE_INVALID",
  "FACT_CODE_TAKEN",
  "FACT_TEXT_TOO_LONG",
  "FACT_NUMBER_INVALID",
  "FACT_NUMBER_AMBIGUOUS",
  "FACT_COUNT_NOT_INTEGER",
  "FACT_PERCENT_RANGE",
  "FACT_RANGE_ORDER",
  "FACT_NUMERATOR_EXCEEDS_DENOMINATOR",
  "FACT_DENOMINATOR_CONFLICT",
  "FACT_BREAKDOWN_LABEL_REQUIRED",
  "FACT_EVIDENCE_KIND_REQUIRED",
  "FACT_REASONING_REQUIRED",
  "FACT_NOT_EDITABLE",
  "FACT_TRANSITION_INVALID",
  "FACT_SOURCE_REQUIRED",
  "FACT_DENOMINATOR_REQUIRED",
  "FACT_WORDING_REQUIRED",
  "FACT_RULE_NOT_MET",
  "FACT_NO_DISAGREEMENT",
  "FACT_RETIRE_REASON_REQUIRED",
  "FACT_RETIRED",
  "FACT_LINK_TARGET_REQUIRED",
  "FACT_LINK_TARGET_UNKNOWN",
  "FACT_LINK_SELF",
  "FACT_LINK_EXISTS",
  "FACT_QUESTION_INVALID",
  "FACT_ANSWER_INVALID",
  "FACT_QUESTION_CLOSED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}

/** A further problem with another field, for forms that show every problem at once. */
export type FieldProblem = { code: ErrorCode; field: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, string | number> = {},
    readonly otherFields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
