import type { PledgeStatus } from '@kindred/contracts';
import type { Tx } from '../../common/database/transaction-runner';
import type { OutboxService } from '../live';
import type { PledgeParties } from './pledges.repository';

/** The live events of a pledge's change, to its NGO, the company it was pledged for, the need's room and the donor; and the need's coverage. */
export async function emitPledgeEvent(
  outbox: OutboxService,
  tx: Tx,
  type: 'pledge.created' | 'pledge.received' | 'pledge.used' | 'pledge.cancelled',
  parties: Pick<PledgeParties, 'id' | 'orgId' | 'needId' | 'donorUserId' | 'onBehalfOfOrgId'>,
  extra: { status?: PledgeStatus; kind?: string },
): Promise<void> {
  const audience = {
    orgIds: [parties.orgId, ...(parties.onBehalfOfOrgId ? [parties.onBehalfOfOrgId] : [])],
    needId: parties.needId,
    userIds: [parties.donorUserId],
  };
  if (type === 'pledge.created') {
    await outbox.emit(
      tx,
      type,
      { pledgeId: parties.id, needId: parties.needId, organizationId: parties.orgId, kind: extra.kind ?? '' },
      audience,
    );
  } else {
    await outbox.emit(tx, type, { pledgeId: parties.id, needId: parties.needId, status: extra.status ?? 'pledged' }, audience);
  }
  if (parties.needId) {
    await outbox.emit(
      tx,
      'need.coverage_updated',
      { needId: parties.needId, organizationId: parties.orgId },
      { orgIds: [parties.orgId], needId: parties.needId },
    );
  }
}
