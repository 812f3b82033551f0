import { Injectable } from '@nestjs/common';
import type { CoverageView } from '@kindred/contracts';
import { can } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { NeedFacts } from '../needs';
import { PledgesRepository } from './pledges.repository';

const percent = (part: number, whole: number | null): number | null => (whole && whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

@Injectable()
export class CoverageService {
  constructor(
    private readonly needs: NeedFacts,
    private readonly pledges: PledgesRepository,
  ) {}

  /** Public for open needs of verified organisations (donors decide with it); otherwise for the NGO only. */
  async forNeed(principal: Principal, needId: string): Promise<CoverageView> {
    const need = await this.needs.forGiving(needId);
    const visible = need && ((need.orgStatus === 'verified' && need.status !== 'draft') || can(principal, 'read', 'NgoWork', need.orgId));
    if (!need || !visible) throw DomainError.notFound('Need');
    const totals = await this.pledges.coverage(needId);
    return {
      needId,
      money: {
        targetFen: need.targetFen,
        pledgedFen: totals.money.pledged,
        receivedFen: totals.money.received,
        usedFen: totals.money.used,
        pledgedPercent: percent(totals.money.pledged, need.targetFen),
        receivedPercent: percent(totals.money.received, need.targetFen),
        usedPercent: percent(totals.money.used, need.targetFen),
      },
      items: need.items.map((item) => {
        const t = totals.items.find((i) => i.itemId === item.id) ?? { pledged: 0, received: 0, used: 0 };
        return {
          itemId: item.id,
          name: item.name,
          unit: item.unit,
          needed: item.quantity,
          pledged: t.pledged,
          received: t.received,
          used: t.used,
          pledgedPercent: percent(t.pledged, item.quantity),
          receivedPercent: percent(t.received, item.quantity),
          usedPercent: percent(t.used, item.quantity),
        };
      }),
    };
  }
}
