import type { MembershipRole } from '@kindred/contracts';
import { grantOrgScope, type OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';

/**
 * Who may do what with safeguarding concerns. Only memberships of the NGO
 * count, as for children's files: the platform administrator sees nothing.
 * A suspended NGO still receives and handles concerns (duty of care).
 * - raise: any member of the NGO (owner, coordinator, staff), or a volunteer
 *   with a confirmed sign-up there (checked by the service through engagement);
 * - handle (list, read in full, acknowledge, decide, close): owners and coordinators;
 * - the reporter reads the status of their own concerns, nothing more.
 */
const LEADS: readonly MembershipRole[] = ['owner', 'coordinator'];

function ngoMembership(principal: Principal, orgId: string) {
  return principal.memberships.find((m) => m.organizationId === orgId && m.organizationKind === 'ngo');
}

/** A member of the NGO (any role). */
export function isNgoMember(principal: Principal, orgId: string): boolean {
  return ngoMembership(principal, orgId) !== undefined;
}

/** An owner or coordinator of the NGO: the people a concern goes to. */
export function isConcernLead(principal: Principal, orgId: string): boolean {
  const m = ngoMembership(principal, orgId);
  return m !== undefined && LEADS.includes(m.role);
}

/** The NGOs whose concerns the caller handles (bind these before looking a concern up by id). */
export function leadScopes(principal: Principal): OrgScope[] {
  return principal.memberships.filter((m) => isConcernLead(principal, m.organizationId)).map((m) => grantOrgScope(m.organizationId));
}

/** Roles a concern goes to live: `concern.raised` to both, `concern.overdue` to owners. */
export const RAISED_AUDIENCE: readonly MembershipRole[] = LEADS;
export const OVERDUE_AUDIENCE: readonly MembershipRole[] = ['owner'];
