import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is calling and under which request id; set per HTTP request, read by audit and logging. */
export interface RequestContextValue {
  requestId: string;
  ip: string | null;
  userId: string | null;
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
};
