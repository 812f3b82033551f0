import type { FieldErrorCode, FieldProblem, ProblemCode } from '@kindred/contracts';

/**
 * A failure the caller can act on. Thrown by services; rendered as
 * problem+json by the one exception filter, with the status from PROBLEM_STATUS.
 * Contexts build them through the named constructors of their `<context>.errors.ts`
 * (a lint rule refuses `new DomainError` anywhere else under modules/). Every field error carries its code.
 */
export class DomainError extends Error {
  readonly errors?: FieldProblem[];

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    errors?: readonly FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
    this.errors = errors?.map((error) => ({ field: error.field, message: error.message, code: error.code }));
  }

  static validation(errors: readonly FieldProblem[], detail?: string): DomainError {
    return new DomainError('validation_failed', detail ?? `Invalid value for ${errors.map((e) => e.field).join(', ')}`, errors);
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }

  static forbidden(detail = 'You may not do this'): DomainError {
    return new DomainError('forbidden', detail);
  }
}

/** One field error with its code: the building block of the `*.errors.ts` constructors. */
export function fieldError(field: string, code: FieldErrorCode, message: string): FieldProblem {
  return { field, code, message };
}
