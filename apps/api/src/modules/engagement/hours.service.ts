import { Injectable } from '@nestjs/common';
import type { EmployeeHoursView, HourRecordView, MyHoursView, OrganizationHoursView, ShiftVerificationResult } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { EngagementErrors } from './engagement.errors';
import { OrganizationsService } from '../identity';
import { ChangeRecorder, changeEvent, type ChangeEvent } from '../live';
import type { HourRecordEntity } from './hour-record.entity';
import { toHourRecordView } from './hour-record.view';
import { HoursRepository } from './hours.repository';
import { reliability } from './hours.policy';
import { SeatsRepository } from './seats.repository';
import { SignupsRepository } from './signups.repository';

/** Hour records: verified by the NGO, never edited once verified, corrected only by reversing records. */
/** `hours.verified` of a record (a reversal announces its negative minutes the same way). */
function verifiedEvent(record: Pick<HourRecordEntity, 'id' | 'userId' | 'orgId' | 'minutes'>): ChangeEvent {
  return changeEvent(
    'hours.verified',
    { hourRecordId: record.id, userId: record.userId, organizationId: record.orgId, minutes: record.minutes },
    { orgIds: [record.orgId], userIds: [record.userId] },
  );
}

@Injectable()
export class HoursService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly hours: HoursRepository,
    private readonly signups: SignupsRepository,
    private readonly seats: SeatsRepository,
    private readonly organizations: OrganizationsService,
    private readonly changes: ChangeRecorder,
  ) {}

  async decide(principal: Principal, id: string, status: 'verified' | 'rejected', reason: string | null): Promise<HourRecordView> {
    return this.transactions.run(async (tx) => {
      const record = await this.hours.findById(id, tx);
      if (!record) throw DomainError.notFound('Hour record');
      const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', record.orgId);
      if (record.status !== 'pending') {
        if (record.status === status) return toHourRecordView(record);
        throw EngagementErrors.hoursDecided(record.status);
      }
      if (!(await this.hours.decide(tx, scope, id, status, principal.userId, reason)))
        throw EngagementErrors.hoursDecidedMeanwhile();
      await this.changes.record(tx, {
        audit: { action: `hours.${status}`, entityType: 'hour_record', entityId: id, orgId: record.orgId, diff: { minutes: record.minutes } },
        events: status === 'verified' ? [verifiedEvent(record)] : [],
      });
      return toHourRecordView((await this.hours.findById(id, tx))!);
    });
  }

  /** Verifies every pending record of one shift in one go. */
  async verifyShift(principal: Principal, shiftId: string): Promise<ShiftVerificationResult> {
    const seat = await this.seats.find(shiftId);
    if (!seat) throw DomainError.notFound('Shift');
    const orgId = seat.orgId;
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', orgId);
    return this.transactions.run(async (tx) => {
      const rows = await this.hours.verifyShift(tx, scope, shiftId, principal.userId);
      for (const row of rows) {
        await this.changes.record(tx, {
          audit: { action: 'hours.verified', entityType: 'hour_record', entityId: row.id, orgId, diff: { minutes: row.minutes, bulk: true } },
          events: [verifiedEvent({ id: row.id, userId: row.user_id, orgId, minutes: row.minutes })],
        });
      }
      return { verified: rows.length, minutes: rows.reduce((n, r) => n + r.minutes, 0) };
    });
  }

  /** Corrects a verified record by adding its negation (verified at once); the original stays as it was. */
  async reverse(principal: Principal, id: string, reason: string): Promise<HourRecordView> {
    return this.transactions.run(async (tx) => {
      const original = await this.hours.findById(id, tx);
      if (!original) throw DomainError.notFound('Hour record');
      requireOrgScope(principal, 'coordinate', 'NgoWork', original.orgId);
      if (original.status !== 'verified' || original.reversesId)
        throw EngagementErrors.onlyVerifiedReversible();
      if (await this.hours.reversalOf(tx, id)) throw EngagementErrors.hoursAlreadyReversed();
      const reversal = await this.hours.insert(tx, {
        signupId: original.signupId,
        shiftId: original.shiftId,
        needId: original.needId,
        orgId: original.orgId,
        userId: original.userId,
        minutes: -original.minutes,
        servedOn: original.servedOn,
        status: 'verified',
        flag: 'reversal',
        reversesId: id,
        note: reason,
        decidedBy: principal.userId,
      });
      await this.changes.record(tx, {
        audit: {
          action: 'hours.reversed',
          entityType: 'hour_record',
          entityId: reversal.id,
          orgId: original.orgId,
          diff: { reverses: id, minutes: reversal.minutes },
        },
        events: [verifiedEvent(reversal)],
      });
      return toHourRecordView(reversal);
    });
  }

  async mine(principal: Principal): Promise<MyHoursView> {
    const [ledger, counts] = await Promise.all([this.hours.ledgerOf(principal.userId), this.signups.attendanceCounts(principal.userId)]);
    return {
      verifiedMinutes: ledger.verified,
      pendingMinutes: ledger.pending,
      reliability: reliability(counts),
      records: ledger.records.map(toHourRecordView),
    };
  }

  async organizationTotals(principal: Principal, orgId: string): Promise<OrganizationHoursView> {
    return this.hours.orgTotals(requireOrgScope(principal, 'read', 'NgoWork', orgId));
  }

  /** A company's employees' verified hours, for its CSR view. */
  async companyTotals(principal: Principal, companyId: string): Promise<EmployeeHoursView> {
    requireOrgScope(principal, 'give', 'CompanyGiving', companyId);
    const members = await this.organizations.members(principal, companyId);
    const minutes = await this.hours.verifiedMinutesByUser(members.map((m) => m.userId));
    const employees = members
      .map((m) => ({ userId: m.userId, displayName: m.displayName, minutes: minutes.find((x) => x.userId === m.userId)?.minutes ?? 0 }))
      .sort((a, b) => b.minutes - a.minutes || a.userId.localeCompare(b.userId));
    return { verifiedMinutes: employees.reduce((n, e) => n + e.minutes, 0), employees };
  }
}
