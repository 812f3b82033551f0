import type { OrganizationView } from '@kindred/contracts';
import type { OrganizationEntity } from './organization.entity';

export function toOrganizationView(org: OrganizationEntity): OrganizationView {
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    regionCode: org.regionCode,
    verified: org.status === 'verified',
    status: org.status,
    createdAt: org.createdAt.toISOString(),
  };
}
