import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, buildQueryString, normalizeFieldPath, toFieldErrors } from './api-client';
import { createAuthProvider } from './auth-provider';
import { json, memoryTokens, problem, stubFetch } from './test-support';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('problem+json mapping', () => {
  it('should turn a validation problem into an HttpError with field errors when the API answers 422', async () => {
    stubFetch(() =>
      problem(422, 'validation_failed', 'The request has invalid fields.', [
        { field: 'title', message: 'title must not be empty' },
        { field: 'items[0].quantity', message: 'quantity must be positive' },
        { field: 'title', message: 'title is too short' },
      ]),
    );
    const client = new ApiClient({ tokens: memoryTokens({ accessToken: 'a', refreshToken: 'r' }) });

    const error = await client.request('/needs', { method: 'POST', body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      statusCode: 422,
      code: 'validation_failed',
      message: 'The request has invalid fields.',
      errors: {
        title: ['title must not be empty', 'title is too short'],
        'items.0.quantity': ['quantity must be positive'],
      },
    });
  });

  it('should fall back to the title when a problem has no detail', async () => {
    stubFetch(() => json(409, { status: 409, title: 'Conflict', code: 'already_signed_up' }, 'application/problem+json'));
    const client = new ApiClient({ tokens: memoryTokens() });

    const error = await client.request('/shifts/1/signups', { method: 'POST' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ statusCode: 409, code: 'already_signed_up', message: 'Conflict' });
    expect((error as ApiError).errors).toBeUndefined();
  });

  it('should keep a status and a message when the error body is not JSON', async () => {
    stubFetch(() => new Response('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const client = new ApiClient({ tokens: memoryTokens() });

    const error = (await client.request('/health').catch((e: unknown) => e)) as ApiError;

    expect(error.statusCode).toBe(502);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('should normalise bracketed field paths', () => {
    expect(normalizeFieldPath('lines[2].itemId')).toBe('lines.2.itemId');
    expect(normalizeFieldPath('location.lat')).toBe('location.lat');
    expect(toFieldErrors([])).toBeUndefined();
  });

  it('should skip empty values and join arrays when building a query string', () => {
    expect(buildQueryString({ limit: 10, cursor: null, type: '', skills: ['math', 'art'], status: undefined })).toBe(
      '?limit=10&skills=math%2Cart',
    );
  });
});

describe('uploads', () => {
  it('should send a FormData body as it is, leaving the multipart content type to the browser', async () => {
    const fetchMock = vi.fn(async () => json(201, { id: 'e1', url: '/api/v1/evidence/e1/content' }));
    vi.stubGlobal('fetch', fetchMock);
    const client = new ApiClient({ tokens: memoryTokens({ accessToken: 'a', refreshToken: 'r' }) });
    const form = new FormData();
    form.append('file', new Blob(['png'], { type: 'image/png' }), 'photo.png');

    const answer = await client.request<{ id: string }>('evidence', { method: 'POST', query: { organizationId: 'o1' }, body: form });

    expect(answer.id).toBe('e1');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/evidence?organizationId=o1');
    expect(init.body).toBe(form);
    expect(init.headers).toMatchObject({ Authorization: 'Bearer a' });
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });
});

describe('silent refresh', () => {
  it('should refresh once and retry every request when concurrent requests meet an expired token', async () => {
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'r1' });
    let releaseRefresh: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const { calls } = stubFetch(async (call) => {
      if (call.url.endsWith('/auth/refresh')) {
        await refreshGate;
        return json(200, { user: {}, accessToken: 'new', refreshToken: 'r2' });
      }
      if (call.headers.Authorization === 'Bearer old') return problem(401, 'token_expired', 'Token expired');
      return json(200, { url: call.url });
    });
    const client = new ApiClient({ tokens });

    const pending = Promise.all([client.request('/me'), client.request('/needs'), client.request('/pledges/p1/trail')]);
    await vi.waitFor(() => expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1));
    releaseRefresh();
    const results = await pending;

    expect(results).toEqual([{ url: '/api/v1/me' }, { url: '/api/v1/needs' }, { url: '/api/v1/pledges/p1/trail' }]);
    const refreshCalls = calls.filter((c) => c.url.endsWith('/auth/refresh'));
    expect(refreshCalls).toHaveLength(1);
    expect(refreshCalls[0]?.body).toEqual({ refreshToken: 'r1' });
    expect(calls.filter((c) => c.headers.Authorization === 'Bearer new')).toHaveLength(3);
    expect(tokens.getAccessToken()).toBe('new');
    expect(tokens.getRefreshToken()).toBe('r2');
  });

  it('should clear the tokens and report the end of the session when refresh answers refresh_reused', async () => {
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'spent' });
    const { calls } = stubFetch((call) =>
      call.url.endsWith('/auth/refresh')
        ? problem(401, 'refresh_reused', 'Refresh token reused; session revoked')
        : problem(401, 'token_expired', 'Token expired'),
    );
    const client = new ApiClient({ tokens });
    const ended = vi.fn();
    client.onSessionEnded(ended);

    const errors = await Promise.all([client.request('/me').catch((e: unknown) => e), client.request('/needs').catch((e: unknown) => e)]);

    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(errors.map((e) => (e as ApiError).statusCode)).toEqual([401, 401]);
    expect(tokens.getAccessToken()).toBeNull();
    expect(tokens.getRefreshToken()).toBeNull();
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledWith('refresh_reused');

    // Refine's onError then signs the user out.
    const auth = createAuthProvider({ client, tokens });
    await expect(auth.onError(errors[0])).resolves.toMatchObject({ logout: true, redirectTo: '/login' });
  });

  it('should not sign out when refresh fails for a network reason', async () => {
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'r1' });
    stubFetch((call) => {
      if (call.url.endsWith('/auth/refresh')) throw new TypeError('Failed to fetch');
      return problem(401, 'token_expired', 'Token expired');
    });
    const client = new ApiClient({ tokens });
    const ended = vi.fn();
    client.onSessionEnded(ended);

    const error = await client.request('/me').catch((e: unknown) => e);

    // The caller learns of the network failure, not of an ended session it would show as "sign in again".
    expect(error).toMatchObject({ statusCode: 0, code: 'network_error' });
    expect(ended).not.toHaveBeenCalled();
    expect(tokens.getRefreshToken()).toBe('r1');
    const auth = createAuthProvider({ client, tokens });
    await expect(auth.onError(error)).resolves.toEqual({});
  });

  it('should not refresh when an anonymous call such as login answers 401', async () => {
    const tokens = memoryTokens({ accessToken: 'a', refreshToken: 'r' });
    const { calls } = stubFetch(() => problem(401, 'invalid_credentials', '账号或密码错误'));
    const auth = createAuthProvider({ client: new ApiClient({ tokens: memoryTokens() }), tokens });

    const result = await auth.login({ login: ' 13800000000 ', password: 'wrong' });

    // The message comes from the problem code in the reader's language, not from the server's detail.
    expect(result).toMatchObject({ success: false, error: { message: '账号或密码不正确' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({ login: '13800000000', password: 'wrong' });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it('should retry without refreshing when another request already replaced the token', async () => {
    const tokens = memoryTokens({ accessToken: 'stale', refreshToken: 'r1' });
    const { calls } = stubFetch((call) => {
      if (call.headers.Authorization === 'Bearer stale') {
        // Simulates a refresh that completed elsewhere while this request was in flight.
        tokens.set({ accessToken: 'fresh', refreshToken: 'r2' });
        return problem(401, 'token_expired', 'Token expired');
      }
      return json(200, { ok: true });
    });
    const client = new ApiClient({ tokens });

    await expect(client.request('/me')).resolves.toEqual({ ok: true });
    expect(calls.some((c) => c.url.endsWith('/auth/refresh'))).toBe(false);
    expect(calls.map((c) => c.headers.Authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });
});

describe('auth provider', () => {
  it('should store both tokens when login succeeds', async () => {
    const tokens = memoryTokens();
    stubFetch(() => json(200, { user: { id: 'u1' }, accessToken: 'acc', refreshToken: 'ref' }));
    const auth = createAuthProvider({ client: new ApiClient({ tokens }), tokens });

    await expect(auth.login({ login: 'a@b.cn', password: 'pw' })).resolves.toMatchObject({ success: true });
    expect(tokens.getAccessToken()).toBe('acc');
    expect(tokens.getRefreshToken()).toBe('ref');
    await expect(auth.check()).resolves.toEqual({ authenticated: true });
  });

  it('should revoke the refresh token and clear the session on logout', async () => {
    const tokens = memoryTokens({ accessToken: 'acc', refreshToken: 'ref' });
    const { calls } = stubFetch(() => json(204, null));
    const signedOut = vi.fn();
    const auth = createAuthProvider({ client: new ApiClient({ tokens }), tokens, onSignedOut: signedOut });

    await expect(auth.logout({})).resolves.toMatchObject({ success: true, redirectTo: '/login' });
    expect(calls[0]).toMatchObject({ url: '/api/v1/auth/logout', method: 'POST', body: { refreshToken: 'ref' } });
    expect(tokens.getAccessToken()).toBeNull();
    expect(signedOut).toHaveBeenCalledTimes(1);
    await expect(auth.check()).resolves.toMatchObject({ authenticated: false, redirectTo: '/login' });
  });
});
