const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** Mainland China mobile numbers: 11 digits starting 13–19, optionally written with +86. */
export const CN_MOBILE_PATTERN = /^(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}$/;

export type NormalizedLogin = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `+86 138-0013-8000` → `13800138000`. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

/** A login is an e-mail address or a mainland mobile number; anything else is null. */
export function normalizeLogin(login: string): NormalizedLogin | null {
  const trimmed = login.trim();
  if (trimmed.includes('@')) return EMAIL.test(trimmed) && trimmed.length <= 254 ? { kind: 'email', value: normalizeEmail(trimmed) } : null;
  return CN_MOBILE_PATTERN.test(trimmed) ? { kind: 'phone', value: normalizePhone(trimmed) } : null;
}
