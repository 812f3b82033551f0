import type { SafeguardingCheckView } from '@kindred/contracts';
import type { SafeguardingCheckEntity } from './safeguarding-check.entity';

/** `names` maps user ids to display names, for the recorder's name when the caller has it. */
export function toSafeguardingCheckView(c: SafeguardingCheckEntity, names?: ReadonlyMap<string, string>): SafeguardingCheckView {
  const recorderName = names?.get(c.verifiedBy);
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
    recordedBy: {
      userId: c.verifiedBy,
      ...(recorderName !== undefined ? { displayName: recorderName } : {}),
      ...(c.verifiedOrgId ? { organizationId: c.verifiedOrgId } : {}),
    },
    verifiedAt: c.createdAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    liftedAt: c.liftedAt?.toISOString() ?? null,
    liftedBy: c.liftedBy,
    liftReason: c.liftReason,
  };
}
