import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key header (printable ASCII, at most 255 characters), or null; 400 when malformed. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw DomainError.validation([
      { field: 'Idempotency-Key', message: 'must be 1–255 printable ASCII characters', code: 'invalid_format' },
    ]);
  }
  return value;
}
