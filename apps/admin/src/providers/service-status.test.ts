import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError } from './api-client';
import { createAuthProvider } from './auth-provider';
import { createServiceStatusStore, isOutageError, onServiceRecovered, parseRetryAfter, retryDelayMs } from './service-status';
import { json, memoryTokens, problem, stubFetch } from './test-support';

afterEach(() => {
  vi.unstubAllGlobals();
});

function unavailable(retryAfter?: string): Response {
  const response = problem(503, 'service_unavailable', 'The database is not reachable.');
  if (retryAfter) response.headers.set('retry-after', retryAfter);
  return response;
}

describe('retry timing', () => {
  it('should read Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-03T04:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 04:00:12 GMT', now)).toBe(12000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 03:59:00 GMT', now)).toBe(0);
  });

  it('should ignore a missing or unreadable Retry-After and cap a huge one at five minutes', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter('86400')).toBe(300_000);
  });

  it('should back off from 2 s to at most 30 s when the server gives no Retry-After', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => retryDelayMs(attempt, null))).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('should wait what Retry-After asks whatever the attempt, but never less than a second', () => {
    expect(retryDelayMs(0, 45_000)).toBe(45_000);
    expect(retryDelayMs(6, 3_000)).toBe(3_000);
    expect(retryDelayMs(2, 0)).toBe(1_000);
  });
});

describe('service status store', () => {
  it('should report an outage once per change and tell recovery listeners when the API answers again', () => {
    const store = createServiceStatusStore(() => 1000);
    const changed = vi.fn();
    const recovered = vi.fn();
    store.subscribe(changed);
    onServiceRecovered(store, recovered);

    store.reportSuccess();
    store.reportFailure(503, '5');
    store.reportFailure(503, '5');
    expect(store.get()).toEqual({ status: 503, retryAfterMs: 5000, since: 1000 });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(recovered).not.toHaveBeenCalled();

    store.reportSuccess();
    expect(store.get()).toBeNull();
    expect(recovered).toHaveBeenCalledTimes(1);
  });

  it('should count network failures and 5xx as outages but not 4xx refusals', () => {
    expect(isOutageError(new ApiError({ statusCode: 0, message: 'network' }))).toBe(true);
    expect(isOutageError(new ApiError({ statusCode: 503, message: 'down' }))).toBe(true);
    expect(isOutageError({ statusCode: 502, message: 'bad gateway' })).toBe(true);
    expect(isOutageError(new ApiError({ statusCode: 403, message: 'forbidden' }))).toBe(false);
    expect(isOutageError(new ApiError({ statusCode: 401, message: 'expired' }))).toBe(false);
    expect(isOutageError(new Error('plain'))).toBe(false);
  });
});

describe('API client during an outage', () => {
  it('should record a 503 with its Retry-After and clear it on the next answer', async () => {
    const status = createServiceStatusStore();
    let down = true;
    stubFetch(() => (down ? unavailable('3') : json(200, { ok: true })));
    const client = new ApiClient({ tokens: memoryTokens({ accessToken: 'a', refreshToken: 'r' }), status });

    const error = await client.request('/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 503 });
    expect(status.get()).toMatchObject({ status: 503, retryAfterMs: 3000 });

    down = false;
    await expect(client.request('/me')).resolves.toEqual({ ok: true });
    expect(status.get()).toBeNull();
  });

  it('should record a failed network call as an outage with status 0', async () => {
    const status = createServiceStatusStore();
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const client = new ApiClient({ tokens: memoryTokens({ accessToken: 'a', refreshToken: 'r' }), status });

    await expect(client.request('/needs')).rejects.toMatchObject({ statusCode: 0, code: 'network_error' });
    expect(status.get()).toMatchObject({ status: 0, retryAfterMs: null });
  });

  it('should keep the session and throw the 503 when the refresh endpoint is down', async () => {
    const status = createServiceStatusStore();
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'r1' });
    stubFetch((call) => (call.url.endsWith('/auth/refresh') ? unavailable() : problem(401, 'token_expired', 'Token expired')));
    const client = new ApiClient({ tokens, status });
    const ended = vi.fn();
    client.onSessionEnded(ended);

    const error = await client.request('/me').catch((e: unknown) => e);

    expect(error).toMatchObject({ statusCode: 503 });
    expect(ended).not.toHaveBeenCalled();
    expect(tokens.getAccessToken()).toBe('old');
    expect(tokens.getRefreshToken()).toBe('r1');
    await expect(client.refresh()).resolves.toBe(false);
    const auth = createAuthProvider({ client, tokens });
    await expect(auth.onError(error)).resolves.toEqual({});
  });
});

describe('auth provider during an outage', () => {
  it('should throw from getIdentity when /me answers 503, so no one reads it as "no memberships"', async () => {
    const tokens = memoryTokens({ accessToken: 'a', refreshToken: 'r' });
    stubFetch(() => unavailable());
    const auth = createAuthProvider({ client: new ApiClient({ tokens, status: createServiceStatusStore() }), tokens });

    await expect(auth.getIdentity!()).rejects.toMatchObject({ statusCode: 503 });
    await expect(auth.getPermissions!()).rejects.toMatchObject({ statusCode: 503 });
    await expect(auth.check()).resolves.toEqual({ authenticated: true });
    expect(tokens.getRefreshToken()).toBe('r');
  });

  it('should never sign out on a 5xx or a network error, even without a refresh token', async () => {
    const tokens = memoryTokens();
    const auth = createAuthProvider({ client: new ApiClient({ tokens, status: createServiceStatusStore() }), tokens });

    await expect(auth.onError(new ApiError({ statusCode: 503, message: 'down' }))).resolves.toEqual({});
    await expect(auth.onError(new ApiError({ statusCode: 0, code: 'network_error', message: 'offline' }))).resolves.toEqual({});
    await expect(auth.onError({ statusCode: 500, message: 'boom' })).resolves.toEqual({});
    await expect(auth.onError(new ApiError({ statusCode: 401, message: 'expired' }))).resolves.toMatchObject({ logout: true });
  });

  it('should still answer "nobody" when /me is refused rather than unreachable', async () => {
    const tokens = memoryTokens({ accessToken: 'a', refreshToken: 'r' });
    stubFetch((call) => (call.url.endsWith('/auth/refresh') ? problem(401, 'refresh_invalid', 'no') : problem(401, 'token_expired', 'x')));
    const auth = createAuthProvider({ client: new ApiClient({ tokens, status: createServiceStatusStore() }), tokens });

    await expect(auth.getIdentity!()).resolves.toBeNull();
  });
});
