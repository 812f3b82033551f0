// Patterns for personal data that must never reach a log line, whatever field it hides in.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const CN_MOBILE = /(?<![A-Za-z0-9])(?:\+?86[- ]?)?1[3-9]\d{9}(?![A-Za-z0-9])/g;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const BEARER = /Bearer\s+\S+/gi;

export const REDACTED = '[redacted]';

/** Removes e-mail addresses, mainland mobile numbers and tokens from free text. */
export function scrubText(text: string): string {
  return text.replace(JWT, REDACTED).replace(BEARER, `Bearer ${REDACTED}`).replace(EMAIL, REDACTED).replace(CN_MOBILE, REDACTED);
}

/** Field paths pino removes from every log object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.phone',
  '*.email',
  '*.login',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'phone',
  'email',
  'login',
];
