import { vi } from 'vitest';
import type { TokenStore } from './token-store';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeRoute = (call: RecordedCall) => Response | Promise<Response>;

export function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': contentType },
  });
}

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: Array<{ field: string; message: string }>,
): Response {
  return json(
    status,
    { type: 'about:blank', title: code, status, detail, code, ...(errors ? { errors } : {}) },
    'application/problem+json',
  );
}

/** Replaces global fetch with a router over the recorded calls. */
export function stubFetch(route: FakeRoute): { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const call: RecordedCall = {
        url: String(input),
        method: init?.method ?? 'GET',
        headers: { ...(init?.headers as Record<string, string> | undefined) },
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      return route(call);
    }),
  );
  return { calls };
}

export function memoryTokens(initial?: { accessToken: string; refreshToken: string }): TokenStore {
  let access = initial?.accessToken ?? null;
  let refresh = initial?.refreshToken ?? null;
  return {
    getAccessToken: () => access,
    getRefreshToken: () => refresh,
    set(pair) {
      access = pair.accessToken;
      refresh = pair.refreshToken;
    },
    clear() {
      access = null;
      refresh = null;
    },
  };
}

/**
 * antd's responsive helpers need matchMedia, which jsdom lacks. Without a width nothing matches;
 * with one, `min-width`/`max-width` queries are evaluated as on a screen that wide.
 */
export function stubMatchMedia(width?: number): void {
  const matches = (query: string): boolean => {
    if (width === undefined) return false;
    const bounds = [...query.matchAll(/\((min|max)-width:\s*(\d+(?:\.\d+)?)px\)/g)];
    return (
      bounds.length > 0 &&
      bounds.every(([, kind, value]) => (kind === 'min' ? width >= Number(value) : width <= Number(value)))
    );
  };
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: matches(query),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
