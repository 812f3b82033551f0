import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import type { Tx } from '../database/transaction-runner';
import { DomainError } from '../errors/domain-error';
import { IdempotencyRepository } from './idempotency.repository';

/** One claim: the key (null when the client sent none), the caller, the operation the key is bound to and the body. */
interface IdempotencyRequest {
  /** The Idempotency-Key header, or null when the client sent none. */
  key: string | null;
  userId: string;
  operation: string;
  body: unknown;
}

/** JSON with object keys sorted, so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Creating calls accept an Idempotency-Key: the same key and body answer the
 * first answer and create nothing; the same key with another body is 422
 * `idempotency_key_reused`; two at once have one winner. It runs inside the
 * caller's transaction, so the key, the records and the answer commit together.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly repository: IdempotencyRepository) {}

  /**
   * The work of an `@Idempotent()` route, run once per Idempotency-Key: the key and operation come from the
   * request context (IdempotencyInterceptor), the claim is made in `tx`. Without a key from the client,
   * `fallbackKey` (when given) keys the work, e.g. by the record it changes. Outside any HTTP request (a
   * script, a test) the work simply runs; inside a route without `@Idempotent()` it is a programming error.
   */
  async once<T>(tx: Tx, body: unknown, work: () => Promise<T>, options: { status?: number; fallbackKey?: string } = {}): Promise<T> {
    const context = RequestContext.current();
    if (!context) return work();
    const scope = context.idempotency;
    if (!scope) throw new Error('IdempotencyService.once runs only in a route marked @Idempotent()');
    const key = scope.key ?? options.fallbackKey ?? null;
    return this.run(tx, { key, userId: scope.userId, operation: scope.operation, body }, work, options.status);
  }

  /** The Idempotency-Key the client sent to the current `@Idempotent()` route, or null. */
  routeKey(): string | null {
    return RequestContext.current()?.idempotency?.key ?? null;
  }

  private async run<T>(tx: Tx, request: IdempotencyRequest, work: () => Promise<T>, status = 201): Promise<T> {
    if (!request.key) return work();
    const hash = createHash('sha256').update(canonicalJson(request.body)).digest('hex');
    if (await this.repository.claim(tx, request.userId, request.key, request.operation, hash)) {
      const result = await work();
      await this.repository.complete(tx, request.userId, request.key, status, result);
      return result;
    }
    const stored = await this.repository.find(tx, request.userId, request.key);
    if (!stored || stored.requestHash !== hash || stored.operation !== request.operation) {
      throw new DomainError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
    }
    return stored.responseBody as T;
  }
}
