/**
 * Whether the API is reachable. A 5xx answer or a failed network call says nothing about who the
 * person is or what they may do, so screens must show "service unavailable" for it, never a role
 * or sign-in message; this store is the one place that knows, fed by every API call.
 */
export interface ServiceOutage {
  /** The last failing HTTP status, or 0 when the network call itself failed. */
  status: number;
  /** From the last failure's `Retry-After` header, if it had one. */
  retryAfterMs: number | null;
  since: number;
}

export interface ServiceStatusStore {
  get(): ServiceOutage | null;
  subscribe(listener: () => void): () => void;
  reportFailure(status: number, retryAfter?: string | null): void;
  reportSuccess(): void;
}

/** A status that means "the service could not answer", as opposed to an answer about the request. */
export function isOutageStatus(status: number): boolean {
  return status === 0 || status >= 500;
}

/** An `ApiError` (or Refine `HttpError`) that says the service could not answer. */
export function isOutageError(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && isOutageStatus(status);
}

const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - now, 0), MAX_RETRY_AFTER_MS);
}

const FIRST_RETRY_MS = 2_000;
const MAX_BACKOFF_MS = 30_000;
const MIN_RETRY_MS = 1_000;

/**
 * How long to wait before the `attempt`-th automatic retry (0-based): what the server asked for
 * in `Retry-After` when it said, else 2 s doubling up to 30 s. Never sooner than 1 s.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return Math.max(retryAfterMs, MIN_RETRY_MS);
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempt, 0), MAX_BACKOFF_MS);
}

export function createServiceStatusStore(now: () => number = Date.now): ServiceStatusStore {
  let outage: ServiceOutage | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => outage,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportFailure(status, retryAfter) {
      const retryAfterMs = parseRetryAfter(retryAfter, now());
      if (outage && outage.status === status && outage.retryAfterMs === retryAfterMs) return;
      outage = { status, retryAfterMs, since: outage?.since ?? now() };
      notify();
    },
    reportSuccess() {
      if (!outage) return;
      outage = null;
      notify();
    },
  };
}

export const serviceStatus = createServiceStatusStore();

/** Calls `listener` each time the store goes from an outage back to normal. */
export function onServiceRecovered(store: ServiceStatusStore, listener: () => void): () => void {
  let down = store.get() !== null;
  return store.subscribe(() => {
    const nowDown = store.get() !== null;
    if (down && !nowDown) listener();
    down = nowDown;
  });
}
