import type { FieldErrorCode, FieldProblem } from '@kindred/contracts';
import { DomainError, fieldError } from '../../common/errors/domain-error';

/** What is wrong with one field of a need or a search; several are gathered and refused together. */
export const NeedFieldErrors = Object.freeze({
  nearOutOfRange: () => fieldError('near', 'invalid_format', 'must be lat,lng within -90..90 and -180..180'),
  radiusWithoutNear: () => fieldError('radiusKm', 'not_allowed', 'needs near'),
  toBeforeFrom: () => fieldError('to', 'invalid_date', 'must not be before from'),
  unknownCursor: () => fieldError('cursor', 'invalid_format', 'is not a cursor this list gave out (for this sort)'),
  notNull: (field: string) => fieldError(field, 'required', 'must not be null'),
  endsBeforeStarts: () => fieldError('endsAt', 'invalid_date', 'must not be before startsAt'),
  itemsOnlyForGoods: () => fieldError('items', 'not_allowed', 'only goods needs have goods lines'),
  goodsNeedsItems: () => fieldError('items', 'required', 'a goods need lists at least one item (or a money target)'),
  unknownProgramme: () => fieldError('programmeId', 'invalid_choice', "must be one of the organisation's programmes"),
} as const);

/**
 * The needs context's failures, by name. Details carry statuses, counts and
 * field names, never a person or a child. The call sites still build their
 * errors inline; moving them here is the next step (then the lint rule
 * against `new DomainError` covers this context too).
 */
export const NeedsErrors = Object.freeze({
  invalid: (errors: FieldProblem[]) => DomainError.validation(errors),
  notAnNgo: () => DomainError.validation([fieldError('organizationId', 'invalid_choice', 'must be an NGO')]),
  invalidTransition: (from: string, to: string, allowed: readonly string[]) =>
    new DomainError(
      'invalid_transition',
      `A ${from} need cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : `; ${from} is final`}`,
    ),
  alreadyPublished: (status: string) => new DomainError('invalid_transition', `This need is already published (it is ${status})`),
  notEditable: (status: string) => new DomainError('conflict', `A ${status} need cannot be edited`),
  typeFixedAfterPublishing: () =>
    new DomainError('conflict', 'The type of a need can change only while it is a draft', [
      fieldError('type', 'not_allowed', 'cannot change after publishing'),
    ]),
  itemsFixedAfterPublishing: () =>
    new DomainError('conflict', 'Goods lines can change only while the need is a draft (pledges refer to them)', [
      fieldError('items', 'not_allowed', 'cannot change after publishing'),
    ]),
  /** Children are linked to the need: its beneficiaryCount is their number, not typed by hand. */
  beneficiariesLinked: (linked: number) =>
    new DomainError('beneficiaries_linked', `${linked} children are linked to this need; the count follows the links`, [
      fieldError('beneficiaryCount', 'not_allowed', 'follows the linked children'),
    ]),
  organizationSuspended: () => new DomainError('organization_suspended', 'This organisation is suspended'),
  organizationUnverified: () =>
    new DomainError('organization_unverified', 'Only a verified organisation can publish needs; ask a platform administrator to verify it'),
  programmeNameTaken: () =>
    new DomainError('conflict', 'The organisation already has a programme of that name and year', [
      fieldError('name', 'invalid', 'already used this year'),
    ]),
  /** A shift's times or recurrence break a rule; `code` says how (default `invalid`). */
  shiftInvalid: (field: string, message: string, code: FieldErrorCode = 'invalid') =>
    new DomainError('shift_invalid', `${field} ${message}`, [fieldError(field, code, message)]),
  noNewShifts: (status: string) => new DomainError('conflict', `A ${status} need takes no new shifts`),
  untilOnlyWithRrule: () => DomainError.validation([fieldError('until', 'not_allowed', 'goes only with rrule')]),
  untilRequiredWithRrule: () => DomainError.validation([fieldError('until', 'required', 'is required with rrule')]),
  untilNotADate: () => DomainError.validation([fieldError('until', 'invalid_date', 'is not a valid date')]),
  shiftStarted: () => new DomainError('conflict', 'A shift that has started cannot be moved'),
  capacityBelowConfirmed: (confirmed: number) =>
    new DomainError('capacity_below_confirmed', `${confirmed} volunteers are confirmed; capacity cannot go below that`, [
      fieldError('capacity', 'too_small', `must be at least ${confirmed} (the confirmed sign-ups)`),
    ]),
  shiftOver: () => new DomainError('conflict', 'A shift that is over cannot be cancelled'),
  shiftCancelled: () => new DomainError('conflict', 'This shift is cancelled'),
  shiftsFixed: (status: string) => new DomainError('conflict', `The shifts of a ${status} need cannot change`),
} as const);
