import type { AuthProvider } from '@refinedev/core';
import type { AuthResponse, MeResponse } from '@kindred/contracts';
import { i18n } from '../i18n/i18n';
import { apiClient, isApiError, type ApiClient } from './api-client';
import { liveConnection, replayTracker } from './live-provider';
import { tokenStore, type TokenStore } from './token-store';

export interface LoginParams {
  login: string;
  password: string;
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
        return {
          success: false,
          error: {
            name: i18n.t('login.failed'),
            message: isApiError(error) ? error.message : i18n.t('errors.requestFailed'),
          },
        };
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

    check: async () => {
      if (tokens.getAccessToken() || tokens.getRefreshToken()) return { authenticated: true };
      return { authenticated: false, logout: true, redirectTo: '/login' };
    },

    getIdentity: async () => {
      if (!tokens.getAccessToken() && !tokens.getRefreshToken()) return null;
      try {
        return await client.request<MeResponse>('/me');
      } catch {
        return null;
      }
    },

    getPermissions: async () => {
      if (!tokens.getAccessToken() && !tokens.getRefreshToken()) return null;
      try {
        const me = await client.request<MeResponse>('/me');
        return { isPlatformAdmin: me.isPlatformAdmin, memberships: me.memberships };
      } catch {
        return null;
      }
    },

    // The API client has already tried a silent refresh; a 401 that reaches here with no
    // refresh token left means the session is over.
    onError: async (error: unknown) => {
      const status = isApiError(error)
        ? error.statusCode
        : (error as { statusCode?: number } | null)?.statusCode;
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
