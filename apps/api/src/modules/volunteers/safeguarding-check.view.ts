import type { SafeguardingCheckView } from '@kindred/contracts';
import type { SafeguardingCheckEntity } from './safeguarding-check.entity';

export function toSafeguardingCheckView(c: SafeguardingCheckEntity): SafeguardingCheckView {
  return {
    id: c.id,
    volunteerUserId: c.volunteerUserId,
    kind: c.kind,
    offenceScope: c.offenceScope,
    issuingAuthority: c.issuingAuthority,
    reference: c.reference,
    checkedAt: c.queriedAt.toISOString(),
    result: c.result,
    verifiedBy: c.verifiedBy,
    verifiedOrganizationId: c.verifiedOrgId,
    verifiedAt: c.createdAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    liftedAt: c.liftedAt?.toISOString() ?? null,
    liftedBy: c.liftedBy,
    liftReason: c.liftReason,
  };
}
