import type { MembershipRole } from '@kindred/contracts';

/** One row of `GET /organizations/{id}/members`. */
export interface MemberRow {
  userId: string;
  displayName: string;
  role: MembershipRole;
  joinedAt: string;
}

/** `meta.path` of the `members` resource: members live under their organisation. */
export const membersPath = (organizationId: string) => `organizations/${organizationId}/members`;
