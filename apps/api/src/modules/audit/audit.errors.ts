import { DomainError, fieldError } from '../../common/errors/domain-error';

/** The audit context's failures, by name. */
export const AuditErrors = Object.freeze({
  organizationRequired: () => DomainError.validation([fieldError('organizationId', 'required', 'organizationId is required')]),
} as const);
