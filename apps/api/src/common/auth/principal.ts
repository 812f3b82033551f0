import type { MembershipRole, OrganizationKind, OrganizationStatus } from '@kindred/contracts';

export interface PrincipalMembership {
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationStatus: OrganizationStatus;
  role: MembershipRole;
}

/** The authenticated caller, with memberships read fresh for each request. */
export interface Principal {
  userId: string;
  sessionId: string;
  isPlatformAdmin: boolean;
  memberships: PrincipalMembership[];
  /** When the access token stops being valid (ms since epoch). */
  expiresAt: number;
}

/** Turns a bearer token into a principal; provided by the identity module. */
export interface PrincipalResolver {
  resolve(accessToken: string): Promise<Principal>;
}

export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
