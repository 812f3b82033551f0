import { DomainError, fieldError } from '../../common/errors/domain-error';

/** The matching context's failures, by name. Details name statuses and item kinds, never a person. */
export const MatchingErrors = Object.freeze({
  profileFirst: () =>
    new DomainError('not_found', 'Create your volunteer profile first (PUT /api/v1/me/volunteer-profile): the feed is ranked by it'),
  needNotOpen: (status: string) => new DomainError('need_not_open', `A ${status} need takes no sign-ups, so it has no candidates`),
  notAShiftOfNeed: () => DomainError.validation([fieldError('shiftId', 'invalid_choice', 'is not a shift of this need')]),
  shiftNotUpcoming: () => DomainError.validation([fieldError('shiftId', 'invalid_choice', 'has started or was cancelled')]),
  unknownCursor: () => DomainError.validation([fieldError('cursor', 'invalid_format', 'is not a cursor this list gave out')]),
  untilNotFuture: () => DomainError.validation([fieldError('until', 'invalid_date', 'must be in the future')]),
  untilTooFar: () => DomainError.validation([fieldError('until', 'too_large', 'must be within two years')]),
  offerAccepted: () => new DomainError('invalid_transition', 'This offer was already accepted'),
  offerWithdrawn: () => new DomainError('invalid_transition', 'This offer was withdrawn'),
  offerExpired: () => new DomainError('conflict', 'This offer has expired'),
  offerBeingAccepted: () => new DomainError('conflict', 'This offer is being accepted by another request'),
  reservationLost: () => new DomainError('conflict', 'The reservation of this offer was lost; the pledge stands, see GET /api/v1/pledges'),
  needNotGivable: () => DomainError.validation([fieldError('needId', 'invalid_choice', 'is not a need you can give to')]),
  notAGoodsLine: (index: number) =>
    DomainError.validation([fieldError(`lines.${index}.itemId`, 'invalid_choice', 'is not a goods line of this need')]),
  itemMismatch: (index: number, offeredItem: string) =>
    DomainError.validation([fieldError(`lines.${index}.itemId`, 'invalid_choice', `does not match the offered item (${offeredItem})`)]),
  moreThanOffered: (total: number, offered: number) =>
    DomainError.validation([fieldError('lines', 'too_large', `add up to ${total}, more than the ${offered} offered`)]),
} as const);
