import type { PledgeStatus } from '@kindred/contracts';
import { changeEvent, type ChangeEvent } from '../live';
import type { PledgeParties } from './pledges.repository';

/**
 * The live events of a pledge's change — to its NGO, the company it was pledged for, the need's room and
 * the donor — and the need's coverage; recorded with the change's audit row by ChangeRecorder.
 */
export function pledgeEvents(
  type: 'pledge.created' | 'pledge.received' | 'pledge.used' | 'pledge.cancelled',
  parties: Pick<PledgeParties, 'id' | 'orgId' | 'needId' | 'donorUserId' | 'onBehalfOfOrgId'>,
  extra: { status?: PledgeStatus; kind?: string },
): ChangeEvent[] {
  const audience = {
    orgIds: [parties.orgId, ...(parties.onBehalfOfOrgId ? [parties.onBehalfOfOrgId] : [])],
    needId: parties.needId,
    userIds: [parties.donorUserId],
  };
  const events: ChangeEvent[] = [
    type === 'pledge.created'
      ? changeEvent(type, { pledgeId: parties.id, needId: parties.needId, organizationId: parties.orgId, kind: extra.kind ?? '' }, audience)
      : changeEvent(type, { pledgeId: parties.id, needId: parties.needId, status: extra.status ?? 'pledged' }, audience),
  ];
  if (parties.needId) {
    events.push(
      changeEvent(
        'need.coverage_updated',
        { needId: parties.needId, organizationId: parties.orgId },
        { orgIds: [parties.orgId], needId: parties.needId },
      ),
    );
  }
  return events;
}
