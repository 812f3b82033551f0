/** GB 11643-1999: weights of the first 17 digits, and the check character for each remainder mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberCheck =
  { ok: true; idNumber: string; birthDate: string } | { ok: false; reason: 'format' | 'birth_date' | 'check_digit' };

/** Whether `text` is YYYY-MM-DD naming a real calendar day. */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks a resident identity card number (GB 11643): 17 digits and a check
 * character (`X` for 10), the embedded birth date (positions 7–14) a real
 * day, and the check character matching the weighted sum mod 11. Returns the
 * number upper-cased and the birth date it carries.
 */
export function checkIdNumber(raw: string): IdNumberCheck {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, reason: 'format' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, reason: 'birth_date' };
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(idNumber[i]), 0);
  if (CHECK[sum % 11] !== idNumber[17]) return { ok: false, reason: 'check_digit' };
  return { ok: true, idNumber, birthDate };
}

/** The check character for 17 digits (tests and demo data build valid numbers with it). */
export function checkCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return CHECK[sum % 11];
}
