import type { AuthProvider } from '@refinedev/core';
import type { AuthResponse, Locale, MeResponse } from '@kindred/contracts';
import { i18n } from '../i18n/i18n';
import { problemMessage } from '../i18n/problem-messages';
import { ApiError, apiClient, isApiError, type ApiClient } from './api-client';
import { isOutageError } from './service-status';
import { liveConnection, replayTracker } from './live-provider';
import { tokenStore, type TokenStore } from './token-store';

export interface LoginParams {
  login: string;
  password: string;
}

export interface RegisterParams {
  email?: string;
  phone?: string;
  password: string;
  displayName: string;
  locale?: Locale;
}

/**
 * The failure handed back to Refine: titled in the reader's language, with the message translated
 * by problem code. For an API error it stays an `ApiError`, so a form can still place field errors.
 */
function authFailure(error: unknown, title: string): Error {
  const message = isApiError(error) ? problemMessage(error) : i18n.t('errors.requestFailed');
  const failure = isApiError(error)
    ? new ApiError({
        statusCode: error.statusCode,
        message,
        code: error.code,
        title: error.title,
        detail: error.detail,
        errors: error.errors,
      })
    : new Error(message);
  failure.name = title;
  return failure;
}

export interface AuthProviderDeps {
  client: ApiClient;
  tokens: TokenStore;
  /** Called on logout, e.g. to close the live connection. */
  onSignedOut?: () => void;
}

export function createAuthProvider({ client, tokens, onSignedOut }: AuthProviderDeps): AuthProvider {
  return {
    login: async ({ login, password }: LoginParams) => {
      try {
        const session = await client.request<AuthResponse>('/auth/login', {
          method: 'POST',
          body: { login: login.trim(), password },
          auth: 'none',
        });
        tokens.set({ accessToken: session.accessToken, refreshToken: session.refreshToken });
        return { success: true, redirectTo: '/' };
      } catch (error) {
        return { success: false, error: authFailure(error, i18n.t('login.failed')) };
      }
    },

    register: async ({ email, phone, password, displayName, locale }: RegisterParams) => {
      try {
        const session = await client.request<AuthResponse>('/auth/register', {
          method: 'POST',
          body: {
            ...(email ? { email: email.trim() } : {}),
            ...(phone ? { phone: phone.trim() } : {}),
            password,
            displayName: displayName.trim(),
            ...(locale ? { locale } : {}),
          },
          auth: 'none',
        });
        tokens.set({ accessToken: session.accessToken, refreshToken: session.refreshToken });
        return { success: true, redirectTo: '/' };
      } catch (error) {
        return { success: false, error: authFailure(error, i18n.t('register.failed')) };
      }
    },

    logout: async () => {
      const refreshToken = tokens.getRefreshToken();
      if (refreshToken) {
        try {
          await client.request('/auth/logout', { method: 'POST', body: { refreshToken }, auth: 'bearer' });
        } catch {
          // The local session ends regardless; the server-side token then simply expires.
        }
      }
      tokens.clear();
      onSignedOut?.();
      return { success: true, redirectTo: '/login' };
    },

    // Decided from the stored tokens alone: whether the API is reachable says nothing about the session.
    check: async () => {
      if (tokens.getAccessToken() || tokens.getRefreshToken()) return { authenticated: true };
      return { authenticated: false, logout: true, redirectTo: '/login' };
    },

    // An outage is thrown, not turned into "nobody": a missing identity would read as "no memberships"
    // and show a role message; the thrown error lets the screens say the service is unavailable.
    getIdentity: async () => {
      if (!tokens.getAccessToken() && !tokens.getRefreshToken()) return null;
      try {
        return await client.request<MeResponse>('/me');
      } catch (error) {
        if (isOutageError(error)) throw error;
        return null;
      }
    },

    getPermissions: async () => {
      if (!tokens.getAccessToken() && !tokens.getRefreshToken()) return null;
      try {
        const me = await client.request<MeResponse>('/me');
        return { isPlatformAdmin: me.isPlatformAdmin, memberships: me.memberships };
      } catch (error) {
        if (isOutageError(error)) throw error;
        return null;
      }
    },

    // The API client has already tried a silent refresh; a 401 that reaches here with no
    // refresh token left means the session is over. A 5xx or a network failure never signs out.
    onError: async (error: unknown) => {
      if (isOutageError(error)) return {};
      const status = isApiError(error) ? error.statusCode : (error as { statusCode?: number } | null)?.statusCode;
      if (status === 401 && !tokens.getRefreshToken()) {
        return { logout: true, redirectTo: '/login', error: error instanceof Error ? error : undefined };
      }
      return {};
    },
  };
}

export const authProvider = createAuthProvider({
  client: apiClient,
  tokens: tokenStore,
  onSignedOut: () => {
    liveConnection.stop();
    replayTracker.reset();
  },
});
