import type { ProblemCode } from '@kindred/contracts';
import { DomainError, fieldError } from '../../common/errors/domain-error';

/**
 * The engagement context's failures, by name. Details carry statuses and
 * counts, never a volunteer. The call sites still build their errors inline;
 * moving them here is the next step (then the lint rule against
 * `new DomainError` covers this context too).
 */
export const EngagementErrors = Object.freeze({
  needNotOpen: () => new DomainError('need_not_open', 'This need is not taking sign-ups'),
  shiftOver: () => new DomainError('need_not_open', 'This shift is over'),
  /** A volunteer's standing does not meet the shift's rules (safeguarding, minimum age): the refusal from eligibility.ts. */
  refused: (refusal: { code: ProblemCode; detail: string }) => new DomainError(refusal.code, refusal.detail),
  alreadySignedUp: () => new DomainError('already_signed_up', 'You are already signed up for this shift'),
  scheduleConflict: () => new DomainError('schedule_conflict', 'You already have a confirmed shift at this time'),
  cannotCancel: (status: string) => new DomainError('invalid_transition', `A ${status} sign-up cannot be cancelled`),
  noShowNotAllowed: () =>
    new DomainError('invalid_transition', 'Only a confirmed volunteer who did not check in can be marked as a no-show'),
  shiftNotStarted: () => new DomainError('invalid_transition', 'The shift has not started yet'),
  rangeReversed: () => DomainError.validation([fieldError('to', 'invalid_date', 'must not be before from')]),
  wrongCheckInCode: (triesLeft: number) =>
    new DomainError(
      'invalid_check_in_code',
      `This check-in code is wrong or has expired; scan the code shown now (${triesLeft} tries left)`,
    ),
  noConfirmedPlace: () => new DomainError('invalid_check_in_code', 'You have no confirmed place on this shift'),
  onWaitlist: () => new DomainError('invalid_check_in_code', 'You are on the waitlist for this shift, not confirmed'),
  checkInClosed: () => new DomainError('invalid_check_in_code', 'Check-in opens 30 minutes before the shift and closes when it ends'),
  checkInLocked: (seconds: number) =>
    new DomainError(
      'check_in_locked',
      `Too many wrong codes for this shift: try again in ${Math.ceil(seconds / 60)} minutes, or ask the coordinator to check you in`,
      undefined,
      { 'Retry-After': String(seconds) },
    ),
  cannotCheckIn: (status: string) => new DomainError('invalid_transition', `A ${status} sign-up cannot be checked in`),
  notCheckedIn: () => new DomainError('not_checked_in', 'Check in before checking out'),
  capacityBelowConfirmed: (confirmed: number) =>
    new DomainError(
      'capacity_below_confirmed',
      `${confirmed} volunteers are confirmed; cancel sign-ups before lowering the capacity below that`,
      [fieldError('capacity', 'too_small', `must be at least ${confirmed}`)],
    ),
  hoursDecided: (status: string) => new DomainError('hours_immutable', `This record is already ${status}; correct it with a reversal`),
  hoursDecidedMeanwhile: () => new DomainError('hours_immutable', 'This record was decided meanwhile'),
  onlyVerifiedReversible: () => new DomainError('invalid_transition', 'Only a verified record can be reversed'),
  hoursAlreadyReversed: () => new DomainError('conflict', 'This record was already reversed'),
  noVerifiedHours: () => new DomainError('no_verified_hours', 'There are no verified hours with this organisation to certify yet'),
  certificateRevoked: () => new DomainError('conflict', 'This certificate is already revoked'),
  invitationNotPending: (status: string) => new DomainError('invalid_transition', `This invitation is already ${status}`),
} as const);
