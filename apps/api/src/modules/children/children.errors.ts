import type { FieldErrorCode, FieldProblem } from '@kindred/contracts';
import { DomainError, fieldError } from '../../common/errors/domain-error';

/** What is wrong with one field of a child's file or a link; several are gathered and refused together. */
export const ChildFieldErrors = Object.freeze({
  notAChildOfTheOrganisation: (field: string) => fieldError(field, 'invalid_choice', "is not a child of the need's organisation"),
  exited: (field: string) => fieldError(field, 'not_allowed', 'has exited the registry'),
  noServiceConsent: (field: string) => fieldError(field, 'not_allowed', 'has no current guardian consent to service_delivery'),
} as const);

/**
 * The children context's failures, by name. Details and field messages carry
 * field names, dates' rules and counts, never a child's name, ID number or
 * circumstances.
 */
export const ChildrenErrors = Object.freeze({
  /** One field breaks a rule; `code` says how. */
  invalid: (field: string, message: string, code: FieldErrorCode = 'invalid') => DomainError.validation([fieldError(field, code, message)]),
  inTheFuture: (field: string) => DomainError.validation([fieldError(field, 'in_the_future', 'must not be in the future')]),
  beforeBirth: (field: string) => DomainError.validation([fieldError(field, 'invalid_date', "must not be before the child's birth date")]),
  unknownCursor: () => DomainError.validation([fieldError('cursor', 'invalid_format', 'is not a cursor this list gave out')]),
  childrenNotFound: (errors: FieldProblem[]) => new DomainError('not_found', 'Child not found', errors),
  childrenExited: (errors: FieldProblem[]) => new DomainError('child_exited', 'The child has exited the registry', errors),
  childExited: () => new DomainError('child_exited', 'The child has exited the registry'),
  consentMissing: (errors: FieldProblem[]) =>
    new DomainError('consent_required', 'A current guardian consent to service_delivery is required', errors),
  safeguardingRequired: () =>
    new DomainError('safeguarding_required', 'Work with children needs a safeguarding check valid until the shift ends'),
  organizationSuspended: () => new DomainError('organization_suspended', 'This organisation is suspended'),
  invalidIdNumber: (reason: string) =>
    new DomainError('invalid_id_number', 'The ID number is not a valid GB 11643 number', [
      fieldError('idNumber', 'invalid_format', `must be a valid GB 11643 number (${reason.replace('_', ' ')})`),
    ]),
  idNumberBirthDateMismatch: () =>
    new DomainError('invalid_id_number', 'The ID number does not match the birth date', [
      fieldError('idNumber', 'invalid', 'carries a different birth date than birthDate'),
    ]),
  idNumberTaken: () =>
    new DomainError('conflict', 'A child with this ID number is already registered', [
      fieldError('idNumber', 'invalid', 'is already registered in this organisation'),
    ]),
  alreadyFollowing: () =>
    new DomainError('conflict', 'This person already follows the child', [
      fieldError('userId', 'invalid', 'already has an open follow-up with this child'),
    ]),
  staleVersion: (current: number) =>
    new DomainError('conflict', 'The file was changed since it was read', [
      fieldError('version', 'invalid', `is not the current version (${current})`),
    ]),
  registerNotMultipart: () => new DomainError('unsupported_media_type', 'Send the register as multipart/form-data in a field named file'),
  registerTooLarge: (maxBytes: number) =>
    new DomainError('payload_too_large', `A register may be at most ${maxBytes / 1024 / 1024} MiB`, [
      fieldError('file', 'too_large', 'is too large'),
    ]),
  followUpEnded: () => new DomainError('conflict', 'This follow-up has already ended'),
  partnerWithoutSafeguarding: () =>
    new DomainError('safeguarding_required', 'A volunteer paired with a child needs a valid safeguarding check', [
      fieldError('userId', 'invalid', 'has no valid safeguarding check'),
    ]),
} as const);
