import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { FieldProblem } from '@kindred/contracts';
import { DomainError } from '../errors/domain-error';
import { fieldErrorCodeOf } from './field-error-codes';
import { findUnstorableText } from './unstorable-text';

/** Flattens nested class-validator errors into `field.path` / message / code triples (the code from CONSTRAINT_CODES). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    // An empty key ({"": 1}) still gets a name a client can show.
    const property = error.property === '' ? '""' : error.property;
    const field = parent ? `${parent}.${property}` : property;
    // A null where the field may only be left out says just that; the type and length rules it also broke add nothing.
    const constraints = error.constraints?.isNotNull ? { isNotNull: error.constraints.isNotNull } : (error.constraints ?? {});
    const own = Object.entries(constraints).map(([constraint, message]) => ({
      field,
      message: message.replace(/^property (\S*) should not exist$/, 'unknown field'),
      code: fieldErrorCodeOf(constraint),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Refuses text PostgreSQL or UTF-8 cannot store (NUL, lone surrogates) in every
 * body, query and path parameter before any DTO rule or service sees it, so
 * none of it can end as a 500 or a broken outbox payload.
 */
export class KindredValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const errors = findUnstorableText(value, metadata.data ?? '');
      if (errors.length > 0) throw DomainError.validation(errors);
    }
    return super.transform(value, metadata);
  }
}

/** Global pipe: strips nothing silently — unknown fields are refused — and converts types. */
export function createValidationPipe(): ValidationPipe {
  return new KindredValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
