import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** Parses a path parameter as a UUID; anything else is a 400 naming the parameter. */
export function UuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => DomainError.validation([{ field, message: 'must be a UUID', code: 'invalid_format' }]) });
}
