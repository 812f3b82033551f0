import type { FieldErrorCode } from '@kindred/contracts';

/**
 * The field error code of each class-validator constraint (the key of
 * `ValidationError.constraints`: a built-in rule, one of ours registered with
 * `registerDecorator`, or the whitelist/nested checks). A constraint missing
 * here falls back to `invalid`; a unit test keeps every constraint the DTOs
 * use in this table.
 */
export const CONSTRAINT_CODES: Readonly<Record<string, FieldErrorCode>> = Object.freeze({
  // present
  isDefined: 'required',
  isNotEmpty: 'required',
  isNotNull: 'required',
  arrayNotEmpty: 'required',
  // allowed at all
  whitelistValidation: 'not_allowed',
  // type
  isString: 'invalid_type',
  isInt: 'invalid_type',
  isNumber: 'invalid_type',
  isBoolean: 'invalid_type',
  isArray: 'invalid_type',
  isObject: 'invalid_type',
  nestedValidation: 'invalid_type',
  unknownValue: 'invalid_type',
  // one of a list
  isEnum: 'invalid_choice',
  isIn: 'invalid_choice',
  // shape of a text
  isEmail: 'invalid_format',
  isUuid: 'invalid_format',
  isUrl: 'invalid_format',
  matches: 'invalid_format',
  isLatitude: 'invalid_format',
  isLongitude: 'invalid_format',
  isRegionCode: 'invalid_format',
  arrayUnique: 'invalid_format',
  // size
  minLength: 'too_short',
  arrayMinSize: 'too_short',
  maxLength: 'too_long',
  arrayMaxSize: 'too_long',
  min: 'too_small',
  max: 'too_large',
  // dates
  isDateString: 'invalid_date',
  isIso8601: 'invalid_date',
  isDate: 'invalid_date',
  isOffsetDateTime: 'invalid_date',
  maxDate: 'in_the_future',
});

/** The code of one broken constraint; `invalid` when the table does not know it. */
export function fieldErrorCodeOf(constraint: string): FieldErrorCode {
  return Object.hasOwn(CONSTRAINT_CODES, constraint) ? CONSTRAINT_CODES[constraint] : 'invalid';
}
