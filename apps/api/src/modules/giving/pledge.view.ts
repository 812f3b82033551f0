import type { PledgeKind, PledgeStatus } from '@kindred/contracts';
import type { PledgeLineEntity } from './pledge-line.entity';
import type { PledgeChannel, PledgeEntity } from './pledge.entity';

export interface PledgeLineView {
  id: string;
  itemId: string;
  name: string;
  unit: string;
  quantity: number;
  received: number;
  used: number;
}

export interface PledgeView {
  id: string;
  organizationId: string;
  needId: string | null;
  kind: PledgeKind;
  status: PledgeStatus;
  channel: PledgeChannel;
  donorUserId: string;
  onBehalfOf: string | null;
  pledgedFen: number | null;
  receivedFen: number | null;
  usedFen: number | null;
  lines: PledgeLineView[];
  note: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

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
