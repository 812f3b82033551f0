import type { FieldErrorCode } from '@kindred/contracts';
import { DomainError, fieldError } from '../../common/errors/domain-error';

/**
 * The concerns context's failures, by name. Details name statuses and field
 * rules only, never a concern's text or a child's identity.
 */
export const ConcernsErrors = Object.freeze({
  /** One field breaks a rule; `code` says how. */
  invalid: (field: string, message: string, code: FieldErrorCode = 'invalid') => DomainError.validation([fieldError(field, code, message)]),
  childNotOfOrganisation: () =>
    new DomainError('not_found', 'Child not found', [fieldError('childId', 'invalid', 'must be a child of this organisation')]),
  notOpen: (status: string) => new DomainError('invalid_transition', `The concern is ${status}; only an open concern can be acknowledged`),
  closed: () => new DomainError('invalid_transition', 'The concern is closed'),
  alreadyClosed: () => new DomainError('invalid_transition', 'The concern is already closed'),
  reportDecisionRequired: () =>
    new DomainError(
      'report_decision_required',
      'A concern in a statutory category cannot close before the police-report decision is recorded',
    ),
} as const);
