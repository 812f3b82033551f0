/**
 * GB 11643 citizen ID numbers (居民身份证号码): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women), and a check character computed over the first 17 digits (ISO 7064 MOD 11-2).
 * The server checks it too (422 `invalid_id_number`); this is the hint while typing.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type IdNumberCheck =
  | { kind: 'empty' }
  | { kind: 'malformed' }
  | { kind: 'wrong_check_digit'; expected: string }
  | { kind: 'valid'; birthDate: string | null; gender: 'female' | 'male' };

/** The check character the first 17 digits call for. */
export function expectedCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

function birthDateOf(idNumber: string): string | null {
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export function checkIdNumber(raw: string | undefined | null): IdNumberCheck {
  const value = (raw ?? '').trim().toUpperCase();
  if (value === '') return { kind: 'empty' };
  if (!/^\d{17}[\dX]$/.test(value)) return { kind: 'malformed' };
  const expected = expectedCheckDigit(value.slice(0, 17));
  if (value[17] !== expected) return { kind: 'wrong_check_digit', expected };
  return { kind: 'valid', birthDate: birthDateOf(value), gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}
