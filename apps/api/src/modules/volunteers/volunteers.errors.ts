import type { FieldProblem } from '@kindred/contracts';
import { DomainError, fieldError } from '../../common/errors/domain-error';

/** What is wrong with one field of a volunteer profile; several are gathered and refused together. */
export const VolunteerFieldErrors = Object.freeze({
  slotEndsBeforeStart: (index: number) => fieldError(`availability.${index}.to`, 'invalid', 'must be after from'),
  birthDateNotPast: () => fieldError('birthDate', 'invalid_date', 'must be a date in the past'),
  notYourCompany: () => fieldError('employerOrganizationId', 'invalid_choice', 'must be a company you are a member of'),
} as const);

/** The volunteers context's failures, by name. Details never carry a volunteer's name, birth date or check result text. */
export const VolunteersErrors = Object.freeze({
  invalid: (errors: FieldProblem[]) => DomainError.validation(errors),
  unknownSkills: (field: string, unknown: readonly string[]) =>
    DomainError.validation([fieldError(field, 'invalid_choice', `unknown skill code(s): ${unknown.join(', ')} (see GET /api/v1/skills)`)]),
  notCurrentCodeOfConduct: (current: string | null) =>
    new DomainError('conflict', 'Only the current code of conduct can be accepted; read it again', [
      fieldError('version', 'invalid_choice', `is not the current version${current ? ` (${current})` : ''}`),
    ]),
  profileFirst: () => new DomainError('conflict', 'Create your volunteer profile first (PUT /api/v1/me/volunteer-profile)'),
  checkedInFuture: () => DomainError.validation([fieldError('checkedAt', 'in_the_future', 'must not be in the future')]),
  expiryOutOfRange: (latest: Date) =>
    DomainError.validation([
      fieldError('expiresAt', 'invalid_date', `must be after checkedAt and at most 12 months later (${latest.toISOString()})`),
    ]),
  whichOrganization: () =>
    DomainError.validation([fieldError('organizationId', 'required', 'you coordinate several NGOs: say which one records this check')]),
  organizationSuspended: () => new DomainError('organization_suspended', 'This organisation is suspended'),
  organizationUnverified: () => new DomainError('organization_unverified', 'Only a verified NGO may record safeguarding checks'),
  notFlagged: () => new DomainError('invalid_transition', 'Only a flagged check can be lifted'),
  alreadyLifted: () => new DomainError('invalid_transition', 'This block was already lifted'),
} as const);
