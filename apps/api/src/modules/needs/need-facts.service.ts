import { Injectable } from '@nestjs/common';
import type { NeedStatus, OrganizationStatus } from '@kindred/contracts';
import { grantOrgScope } from '../../common/auth/org-scope';
import type { Tx } from '../../common/database/transaction-runner';
import { NeedsService } from './needs.service';
import { NeedsRepository } from './needs.repository';
import { ShiftsRepository } from './shifts.repository';

/** What giving needs to know about a need (its NeedFacts port). */
export interface NeedForGiving {
  id: string;
  orgId: string;
  orgStatus: OrganizationStatus;
  status: NeedStatus;
  title: string;
  targetFen: number | null;
  items: Array<{ id: string; name: string; unit: string; quantity: number }>;
}

/** What engagement needs to know about a shift and its need (its ShiftDirectory port). */
export interface ShiftFacts {
  shiftId: string;
  needId: string;
  orgId: string;
  orgStatus: OrganizationStatus;
  needStatus: NeedStatus;
  needTitle: string;
  needType: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  childContact: boolean;
  minAge: number | null;
}

/**
 * Facts about needs and shifts for other contexts acting as the system (no
 * caller to check). Giving binds its NeedFacts port and engagement its
 * ShiftDirectory port to this with `useExisting`.
 */
@Injectable()
export class NeedFactsService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly needsService: NeedsService,
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

  /** A scheduled shift and its need's rules; null for an unknown or cancelled shift (it takes no sign-ups). */
  /** Need titles by id, for engagement's organisation-wide lists. */
  async needTitles(needIds: string[]): Promise<Map<string, string>> {
    return new Map((await this.needs.titles([...new Set(needIds)])).map((n) => [n.id, n.title]));
  }

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
      capacity: shift.capacity,
      childContact: need.childContact,
      minAge: need.minAge,
    };
  }

  /** Lets engagement mirror its seat counters on the shift, in its transaction (the CHECK keeps confirmed ≤ capacity). */
  async recordCounts(tx: Tx, shiftId: string, counts: { confirmedCount: number; waitlistCount: number }): Promise<void> {
    await this.shifts.recordCounts(tx, shiftId, counts.confirmedCount, counts.waitlistCount);
  }

  /** The children context keeps a need's beneficiary count equal to its linked children, in its own transaction. */
  async recordBeneficiaryCount(tx: Tx, needId: string, orgId: string, count: number): Promise<void> {
    await this.needs.update(tx, grantOrgScope(orgId), needId, { beneficiaryCount: count });
  }

  /** A status change made by the system (e.g. engagement marking a need filled), through the same transition table. */
  transition(tx: Tx, needId: string, to: NeedStatus, reason: string | null = null): Promise<void> {
    return this.needsService.transitionAsSystem(tx, needId, to, reason);
  }
}
