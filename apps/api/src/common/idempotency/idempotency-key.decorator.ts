import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
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

/**
 * The request's Idempotency-Key as a handler parameter, for services that still
 * pass it with a hand-written operation to IdempotencyService.run. New routes use
 * `@Idempotent()` (idempotent.decorator.ts) and IdempotencyService.once instead.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | null =>
  idempotencyKeyOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
