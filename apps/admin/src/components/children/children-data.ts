import type { MembershipView } from '@kindred/contracts';
import { useSession } from '../../session/use-session';

/** Who reads what of the children's registry (the calls themselves are entries of `api/endpoints.ts`). */

export type ChildrenRole = 'identity' | 'file' | 'none';

/** Owners and coordinators read identity fields; staff read the file without them; anyone else nothing. */
export function childrenRoleOf(membership: Pick<MembershipView, 'organizationKind' | 'role'> | null | undefined): ChildrenRole {
  if (!membership || membership.organizationKind !== 'ngo') return 'none';
  if (membership.role === 'owner' || membership.role === 'coordinator') return 'identity';
  return membership.role === 'staff' ? 'file' : 'none';
}

/** The reader's role for the children of `organizationId` (the selected organisation when omitted). */
export function useChildrenRole(organizationId?: string | null): { role: ChildrenRole; organizationId: string | null } {
  const { memberships, currentMembership } = useSession();
  const membership = organizationId ? memberships.find((m) => m.organizationId === organizationId) : currentMembership;
  return { role: childrenRoleOf(membership), organizationId: membership?.organizationId ?? null };
}
