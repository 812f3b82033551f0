export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface TokenStore {
  getAccessToken(): string | null;
  getRefreshToken(): string | null;
  set(pair: TokenPair): void;
  clear(): void;
}

const ACCESS_KEY = 'kindred.accessToken';
const REFRESH_KEY = 'kindred.refreshToken';

// localStorage so a session survives reloads and is shared by tabs of the same origin.
export function createTokenStore(storage: () => Storage = () => window.localStorage): TokenStore {
  return {
    getAccessToken: () => storage().getItem(ACCESS_KEY),
    getRefreshToken: () => storage().getItem(REFRESH_KEY),
    set(pair) {
      storage().setItem(ACCESS_KEY, pair.accessToken);
      storage().setItem(REFRESH_KEY, pair.refreshToken);
    },
    clear() {
      storage().removeItem(ACCESS_KEY);
      storage().removeItem(REFRESH_KEY);
    },
  };
}

export const tokenStore = createTokenStore();
