import type { ProblemCode, ProblemFieldError } from '@kindred/contracts';

/**
 * A failure the caller can act on. Thrown by services; rendered as
 * problem+json by the one exception filter, with the status from PROBLEM_STATUS.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: ProblemFieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }

  static validation(errors: ProblemFieldError[], detail?: string): DomainError {
    return new DomainError(
      'validation_failed',
      detail ?? `Invalid value for ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }

  static forbidden(detail = 'You may not do this'): DomainError {
    return new DomainError('forbidden', detail);
  }
}
