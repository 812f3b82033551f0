import type { MemberView } from '@kindred/contracts';

/** One row of `GET /organizations/{id}/members`. */
export type MemberRow = MemberView;

/** `meta.path` of the `members` resource: members live under their organisation. */
export const membersPath = (organizationId: string) => `organizations/${organizationId}/members`;
