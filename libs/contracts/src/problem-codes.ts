/**
 * Stable machine codes carried in every problem+json answer. The API maps each
 * to an HTTP status in one exhaustive table; clients switch on them.
 */
export const PROBLEM_CODES = [
  // generic
  'validation_failed',
  'malformed_body',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'unauthorized',
  'forbidden',
  'too_many_requests',
  'conflict',
  'internal_error',
  'service_unavailable',
  'value_rejected',
  'idempotency_key_reused',
  'idempotency_in_progress',
  // identity
  'login_taken',
  'invalid_credentials',
  'account_locked',
  'weak_password',
  'refresh_invalid',
  'refresh_reused',
  'token_expired',
  'organization_unverified',
  'organization_suspended',
  'last_owner',
  'already_member',
  'role_not_allowed',
  // volunteers
  'region_invalid',
  'safeguarding_blocked',
  'code_of_conduct_required',
  // needs
  'invalid_transition',
  'capacity_below_confirmed',
  'shift_invalid',
  // engagement
  'already_signed_up',
  'schedule_conflict',
  'safeguarding_required',
  'need_not_open',
  'shift_full',
  'under_minimum_age',
  'invalid_check_in_code',
  'not_checked_in',
  'hours_immutable',
  'no_verified_hours',
  // giving
  'exceeds_pledged',
  'exceeds_received',
  'pledge_cancelled',
  'evidence_invalid',
  // trust hardening
  'evidence_active_content',
  'evidence_unreadable',
  'check_in_locked',
  // children
  'invalid_id_number',
  'consent_required',
  'child_exited',
  // concerns
  'report_decision_required',
  'beneficiaries_linked',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * What is wrong with one field, as a stable code the client translates
 * (the `message` is English for logs and curl users).
 */
export const FIELD_ERROR_CODES = [
  'required',
  'not_allowed',
  'invalid_type',
  'invalid_format',
  'invalid_choice',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'invalid_date',
  'in_the_future',
  'unstorable_text',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** One field's failure in a problem: the field's path, English for logs and curl users, and the code a client translates. */
export interface FieldProblem {
  field: string;
  message: string;
  code: FieldErrorCode;
}

/** RFC 9457 problem details as Kindred renders them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
  errorId?: string;
  errors?: FieldProblem[];
}
