import type { PledgeView } from '@kindred/contracts';
import type { PledgeLineEntity } from './pledge-line.entity';
import type { PledgeEntity } from './pledge.entity';

export function toPledgeView(pledge: PledgeEntity, lines: PledgeLineEntity[]): PledgeView {
  const money = pledge.kind === 'money';
  return {
    id: pledge.id,
    organizationId: pledge.orgId,
    needId: pledge.needId,
    kind: pledge.kind,
    status: pledge.status,
    channel: pledge.channel,
    donorUserId: pledge.donorUserId,
    onBehalfOf: pledge.onBehalfOfOrgId,
    pledgedFen: money ? pledge.pledgedFen : null,
    receivedFen: money ? pledge.receivedFen : null,
    usedFen: money ? pledge.usedFen : null,
    lines: lines.map((l) => ({
      id: l.id,
      itemId: l.itemId,
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      received: l.received,
      used: l.used,
    })),
    note: pledge.note,
    createdAt: pledge.createdAt.toISOString(),
    cancelledAt: pledge.cancelledAt?.toISOString() ?? null,
    cancelReason: pledge.cancelReason,
  };
}
