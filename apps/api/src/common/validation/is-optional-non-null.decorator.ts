import { applyDecorators } from '@nestjs/common';
import { registerDecorator, ValidateIf } from 'class-validator';

/**
 * May be omitted, but not `null`. class-validator's `@IsOptional()` lets `null`
 * through every other rule, and a `null` for a NOT NULL column then fails in
 * PostgreSQL (a 500) or silently clears a value. Use `@IsOptional()` only where
 * `null` means "clear this field" and the column is nullable.
 */
export function IsOptionalNonNull(): PropertyDecorator {
  const notNull: PropertyDecorator = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotNull',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must not be null; leave the field out instead' },
      validator: { validate: (value: unknown) => value !== null },
    });
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    notNull,
  );
}
