import type { Locale, MembershipRole, OrganizationKind, OrganizationStatus } from './enums';

export interface HealthResponse {
  status: 'ok' | 'error';
  db: 'up' | 'down';
  version: string;
  uptimeSeconds: number;
}

export interface UserView {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
}

export interface AuthResponse {
  user: UserView;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

export interface MembershipView {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
}

export interface MeResponse extends UserView {
  memberships: MembershipView[];
  isPlatformAdmin: boolean;
}

export interface OrganizationView {
  id: string;
  kind: OrganizationKind;
  name: string;
  regionCode: string;
  verified: boolean;
  status: OrganizationStatus;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}
