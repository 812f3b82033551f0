import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

const WITH_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date-time ending in an offset, so the moment is never ambiguous (API.md: "times are ISO-8601 with offset"). */
export function IsOffsetDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isOffsetDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be an ISO-8601 date-time with an offset, e.g. 2026-07-04T09:00:00+08:00', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          WITH_OFFSET.test(value) &&
          isISO8601(value, { strict: true, strictSeparator: true }) &&
          !Number.isNaN(Date.parse(value)),
      },
    });
}
