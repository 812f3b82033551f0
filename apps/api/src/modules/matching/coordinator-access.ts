import { can, requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';

/**
 * Candidates and offers for a need are the owning NGO's coordinators' view
 * (owners and coordinators, and platform administrators). A member without
 * the role gets 403 (or `organization_suspended`); anyone else 404, as if
 * the list did not exist.
 */
export function assertCoordinates(principal: Principal, orgId: string): void {
  if (can(principal, 'coordinate', 'NgoWork', orgId)) return;
  if (principal.memberships.some((m) => m.organizationId === orgId)) requireOrgScope(principal, 'coordinate', 'NgoWork', orgId);
  throw DomainError.notFound('Need');
}
