import { sqlStateOf } from '../logging/log-serializers';
import { DomainError } from './domain-error';

/** Seconds a client should wait before retrying while the database is away or overloaded. */
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
/** Seconds before retrying a transaction that lost a serialization race or a deadlock: the next try usually wins. */
export const RETRY_AFTER_CONFLICT_SECONDS = 1;

// Node socket errors of a lost or refused connection.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// pg / pg-pool / TypeORM messages of the same, which carry no code.
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection timeout/i,
  /client has encountered a connection error and is not queryable/i,
  /cannot use a pool after calling end on the pool/i,
  /client was closed and is not queryable/i,
];
// TypeORM's refusals to use a query runner whose connection was lost and thrown away mid-transaction.
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
// SQLSTATEs of an overloaded, restarting or unreachable server.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '57014', '53000', '53100', '53200', '53300', '53400']);
// Transactions that lost a race; retrying is the documented remedy.
const RETRYABLE_STATES = new Set(['40001', '40P01', '55P03']);
// Data exceptions the validation should have caught; the value is the caller's, so a 4xx.
const DATA_STATES = new Set([
  '22021',
  '22P02',
  '22P05',
  '22001',
  '22003',
  '22007',
  '22008',
  '22004',
  '22023',
  '22025',
  '22026',
  '22030',
  '22032',
  '23502',
  '23514',
]);

function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const e = current as Record<string, unknown>;
    yield e;
    if (e.driverError && typeof e.driverError === 'object') yield e.driverError as Record<string, unknown>;
    current = e.cause;
  }
}

/**
 * Turns database and connection failures that escaped a service into coded
 * problems: never a 500 for overload, a lost connection or a value PostgreSQL
 * refused. Details never echo the value or the row. `undefined` for anything else.
 */
export function classifyInfrastructureError(error: unknown): DomainError | undefined {
  for (const e of causes(error)) {
    const state = sqlStateOf(e);
    const code = typeof e.code === 'string' ? e.code : undefined;
    const message = typeof e.message === 'string' ? e.message : '';
    if (
      (state && (UNAVAILABLE_STATES.has(state) || state.startsWith('08'))) ||
      (code && NETWORK_CODES.has(code)) ||
      (typeof e.name === 'string' && RELEASED_RUNNER_ERRORS.has(e.name)) ||
      UNAVAILABLE_MESSAGES.some((p) => p.test(message))
    ) {
      return new DomainError('service_unavailable', 'The service is temporarily unavailable; try again shortly', undefined, {
        'retry-after': String(RETRY_AFTER_UNAVAILABLE_SECONDS),
      });
    }
    if (!state) continue;
    if (RETRYABLE_STATES.has(state)) {
      return new DomainError('service_unavailable', 'The request met a concurrent change; try again', undefined, {
        'retry-after': String(RETRY_AFTER_CONFLICT_SECONDS),
      });
    }
    if (state === '23505') return new DomainError('conflict', 'The request conflicts with an existing record');
    if (state === '23503') return new DomainError('conflict', 'The request refers to a record that does not exist or is still referenced');
    if (DATA_STATES.has(state) || state.startsWith('22'))
      return new DomainError('value_rejected', 'A value in the request cannot be stored');
  }
  return undefined;
}
