import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Idempotency-Key scope of an `@Idempotent()` route: the caller, the operation the key is bound to
 * (the route's method and path template with its parameters filled in) and the key, or null when the
 * client sent none. Set by IdempotencyInterceptor; read by IdempotencyService.once inside the service's transaction.
 */
export interface IdempotencyScope {
  userId: string;
  operation: string;
  key: string | null;
}

/** Who is calling and under which request id; set per HTTP request, read by audit and logging. */
export interface RequestContextValue {
  requestId: string;
  ip: string | null;
  userId: string | null;
  /** Present only while an `@Idempotent()` route runs. */
  idempotency?: IdempotencyScope;
}

const storage = new AsyncLocalStorage<RequestContextValue>();

export const RequestContext = {
  run<T>(value: RequestContextValue, fn: () => T): T {
    return storage.run(value, fn);
  },
  current(): RequestContextValue | undefined {
    return storage.getStore();
  },
  setUser(userId: string): void {
    const store = storage.getStore();
    if (store) store.userId = userId;
  },
  setIdempotency(scope: IdempotencyScope): void {
    const store = storage.getStore();
    if (store) store.idempotency = scope;
  },
};
