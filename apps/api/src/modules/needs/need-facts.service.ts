import { Injectable } from '@nestjs/common';
import type { NeedStatus } from '@kindred/contracts';
import { grantOrgScope } from '../../common/auth/org-scope';
import type { Tx } from '../../common/database/transaction-runner';
import { NeedTransitionsService } from './need-transitions.service';
import { NeedsService } from './needs.service';
import { NeedsRepository } from './needs.repository';
import type { NeedFacts, NeedForGiving, ShiftDirectory, ShiftFacts } from './ports';
import { ShiftsRepository } from './shifts.repository';

/**
 * Facts about needs and shifts for other contexts acting as the system (no
 * caller to check). NeedsModule binds the NeedFacts and ShiftDirectory ports
 * (ports.ts) to this with `useExisting`; `implements` keeps them in step.
 */
@Injectable()
export class NeedFactsService implements NeedFacts, ShiftDirectory {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly needsService: NeedsService,
    private readonly transitions: NeedTransitionsService,
  ) {}

  async forGiving(needId: string): Promise<NeedForGiving | null> {
    const need = await this.needs.findById(needId);
    if (!need) return null;
    const [org, items] = await Promise.all([this.needsService.orgFacts(need.orgId), this.needs.items(needId)]);
    if (!org) return null;
    return {
      id: need.id,
      orgId: need.orgId,
      orgStatus: org.status,
      status: need.status,
      title: need.title,
      targetFen: need.targetFen,
      items: items.map(({ id, name, unit, quantity }) => ({ id, name, unit, quantity })),
    };
  }

  /** Need titles by id, for engagement's organisation-wide lists. */
  async needTitles(needIds: string[]): Promise<Map<string, string>> {
    return new Map((await this.needs.titles([...new Set(needIds)])).map((n) => [n.id, n.title]));
  }

  /** A scheduled shift and its need's rules; null for an unknown or cancelled shift (it takes no sign-ups). */
  async facts(shiftId: string): Promise<ShiftFacts | null> {
    const shift = await this.shifts.findById(shiftId);
    if (!shift || shift.status === 'cancelled') return null;
    const need = await this.needs.findById(shift.needId);
    const org = need ? await this.needsService.orgFacts(need.orgId) : null;
    if (!need || !org) return null;
    return {
      shiftId: shift.id,
      needId: need.id,
      orgId: need.orgId,
      orgStatus: org.status,
      needStatus: need.status,
      needTitle: need.title,
      needType: need.type,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      childContact: need.childContact,
      minAge: need.minAge,
    };
  }

  /** The children context keeps a need's beneficiary count equal to its linked children, in its own transaction. */
  async recordBeneficiaryCount(tx: Tx, needId: string, orgId: string, count: number): Promise<void> {
    await this.needs.setLinkedBeneficiaries(tx, grantOrgScope(orgId), needId, count);
  }

  /** A status change made by the system (e.g. engagement marking a need filled), through the same transition table. */
  transition(tx: Tx, needId: string, to: NeedStatus, reason: string | null = null): Promise<void> {
    return this.transitions.transitionAsSystem(tx, needId, to, reason);
  }
}
