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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
