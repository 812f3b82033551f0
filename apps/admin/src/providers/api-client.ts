import type { AuthResponse, Problem, FieldProblem } from '@kindred/contracts';
import { fieldErrorMessage } from '../i18n/field-errors';
import { i18n } from '../i18n/i18n';
import { isOutageStatus, serviceStatus, type ServiceStatusStore } from './service-status';
import { tokenStore, type TokenStore } from './token-store';

export const API_BASE_URL = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

/**
 * - `refresh`: send the bearer token and, on 401, refresh once and retry (default)
 * - `bearer`: send the bearer token, never refresh
 * - `none`: anonymous call
 */
export type AuthMode = 'refresh' | 'bearer' | 'none';

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  auth?: AuthMode;
}

/** Field name → messages in the reader's language, the shape Refine's forms spread over their fields. */
export type FieldErrors = Record<string, string[]>;

/** An HTTP failure in the shape Refine expects of an `HttpError`. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly errors: FieldErrors | undefined;

  constructor(init: { statusCode: number; message: string; code?: string; title?: string; detail?: string; errors?: FieldErrors }) {
    super(init.message);
    this.name = 'ApiError';
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// `items[0].name` and `items.0.name` both become `items.0.name`, the path form antd forms understand.
export function normalizeFieldPath(field: string): string {
  return field.replace(/\[(\w+)\]/g, '.$1').replace(/^\./, '');
}

export function toFieldErrors(errors: readonly FieldProblem[] | undefined): FieldErrors | undefined {
  if (!errors || errors.length === 0) return undefined;
  const result: FieldErrors = {};
  for (const error of errors) {
    const key = normalizeFieldPath(error.field);
    (result[key] ??= []).push(fieldErrorMessage(error));
  }
  return result;
}

export function problemToError(status: number, problem: Partial<Problem> | null, fallbackMessage: string): ApiError {
  return new ApiError({
    statusCode: status,
    message: problem?.detail || problem?.title || fallbackMessage,
    code: problem?.code,
    title: problem?.title,
    detail: problem?.detail,
    errors: toFieldErrors(problem?.errors),
  });
}

async function readProblem(response: Response): Promise<Partial<Problem> | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body: unknown = await response.json();
    return body !== null && typeof body === 'object' ? (body as Partial<Problem>) : null;
  } catch {
    return null;
  }
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  const text = await response.text();
  return (text === '' ? undefined : text) as T;
}

export function buildQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
      continue;
    }
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// Serialises token refreshes across tabs that share localStorage, so two tabs never spend
// the same refresh token (the server would answer `refresh_reused` and revoke the session).
async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  return locks.request('kindred.auth.refresh', task);
}

export type SessionEndedListener = (reason: string) => void;

export interface ApiClientOptions {
  baseUrl?: string;
  tokens?: TokenStore;
  /** Told of every answer, so the screens can tell an outage from a refusal. */
  status?: ServiceStatusStore;
}

/** `true`: a fresh token is stored; `false`: the refresh token was refused; an error: the service could not answer. */
type RefreshOutcome = boolean | ApiError;

export class ApiClient {
  readonly baseUrl: string;
  private readonly tokens: TokenStore;
  private readonly status: ServiceStatusStore;
  private refreshing: Promise<RefreshOutcome> | null = null;
  private readonly sessionEndedListeners = new Set<SessionEndedListener>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? API_BASE_URL;
    this.tokens = options.tokens ?? tokenStore;
    this.status = options.status ?? serviceStatus;
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    const relative = path.startsWith(this.baseUrl) ? path.slice(this.baseUrl.length) : path;
    const joined = relative.startsWith('/') ? relative : `/${relative}`;
    return `${this.baseUrl}${joined}${buildQueryString(query)}`;
  }

  /** Called once the refresh token is rejected and the tokens are gone. */
  onSessionEnded(listener: SessionEndedListener): () => void {
    this.sessionEndedListeners.add(listener);
    return () => this.sessionEndedListeners.delete(listener);
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth ?? 'refresh';
    const url = this.url(path, options.query);
    const tokenUsed = auth === 'none' ? null : this.tokens.getAccessToken();
    let response = await this.send(url, options, tokenUsed);

    if (response.status === 401 && auth === 'refresh') {
      const problem = await readProblem(response);
      const outcome = await this.recoverFromUnauthorized(tokenUsed);
      // The refresh endpoint could not answer: that is an outage, not the end of the session.
      if (outcome instanceof ApiError) throw outcome;
      if (!outcome) throw problemToError(401, problem, i18n.t('errors.unauthorized'));
      response = await this.send(url, options, this.tokens.getAccessToken());
    }

    if (!response.ok) {
      const fallback = isOutageStatus(response.status) ? i18n.t('errors.serviceUnavailable') : i18n.t('errors.requestFailed');
      throw problemToError(response.status, await readProblem(response), fallback);
    }
    return readBody<T>(response);
  }

  /**
   * Single-flight: concurrent callers share one `POST /auth/refresh`. Resolves whether a fresh token
   * is stored; false too when the service could not answer (the tokens are then kept for a later try).
   */
  async refresh(): Promise<boolean> {
    return (await this.sharedRefresh()) === true;
  }

  private sharedRefresh(): Promise<RefreshOutcome> {
    this.refreshing ??= this.performRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async recoverFromUnauthorized(tokenUsed: string | null): Promise<RefreshOutcome> {
    if (!this.tokens.getRefreshToken()) return false;
    const current = this.tokens.getAccessToken();
    // Another request already refreshed while this one was in flight.
    if (current && current !== tokenUsed) return true;
    return this.sharedRefresh();
  }

  private async performRefresh(): Promise<RefreshOutcome> {
    const startedWith = this.tokens.getRefreshToken();
    return withRefreshLock(async () => {
      const refreshToken = this.tokens.getRefreshToken();
      if (!refreshToken) return false;
      // Another tab rotated the pair while this one waited for the lock.
      if (refreshToken !== startedWith) return true;

      let response: Response;
      try {
        response = await this.send(this.url('/auth/refresh'), { method: 'POST', body: { refreshToken } }, null);
      } catch (error) {
        if (error instanceof ApiError) return error;
        throw error;
      }
      if (isOutageStatus(response.status)) {
        return problemToError(response.status, await readProblem(response), i18n.t('errors.serviceUnavailable'));
      }
      if (response.ok) {
        const pair = (await response.json()) as AuthResponse;
        this.tokens.set({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
        return true;
      }
      if (response.status === 401 || response.status === 400) {
        const problem = await readProblem(response);
        this.endSession(problem?.code ?? 'refresh_invalid');
      }
      return false;
    });
  }

  private endSession(reason: string): void {
    this.tokens.clear();
    for (const listener of this.sessionEndedListeners) listener(reason);
  }

  private async send(url: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    const hasBody = options.body !== undefined;
    // A FormData body (a file upload) sets its own multipart content type with the boundary.
    const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
    if (hasBody && !isForm) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers,
        body: hasBody ? (isForm ? (options.body as FormData) : JSON.stringify(options.body)) : undefined,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      this.status.reportFailure(0);
      throw new ApiError({ statusCode: 0, code: 'network_error', message: i18n.t('errors.network') });
    }
    if (isOutageStatus(response.status)) this.status.reportFailure(response.status, response.headers.get('retry-after'));
    else this.status.reportSuccess();
    return response;
  }
}

export const apiClient = new ApiClient();
