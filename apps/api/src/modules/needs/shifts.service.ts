import { Injectable } from '@nestjs/common';
import type { ShiftsCreatedView, ShiftView } from '@kindred/contracts';
import type { OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { NeedsErrors } from './needs.errors';
import { AuditService } from '../audit';
import type { CreateShiftsDto } from './dto/create-shifts.dto';
import type { UpdateShiftDto } from './dto/update-shift.dto';
import { isEditable } from './need-status';
import { toShiftView } from './need.view';
import type { NeedEntity } from './need.entity';
import { NeedsLifecycle, type ShiftChange } from './needs-lifecycle';
import { NeedsService } from './needs.service';
import { expandRecurrence, RecurrenceError, SHIFT_TIME_ZONE, type Occurrence } from './shift-recurrence';
import type { ShiftEntity } from './shift.entity';
import { ShiftsRepository, type ShiftRow } from './shifts.repository';
import { fromFloating } from './zoned-time';

/** A camp may run for weeks; nothing longer is one shift. */
export const MAX_SHIFT_DAYS = 62;
/** Occurrences of a series must not overlap one another. */
export const MAX_RECURRING_SHIFT_HOURS = 24;
export const MAX_SHIFTS_PER_NEED = 500;

const describe = (s: ShiftRow, field: string): string | number =>
  field === 'capacity' ? s.capacity : (field === 'startsAt' ? s.startsAt : s.endsAt).toISOString();

/** `until` as a moment: a bare date means the end of that day in Beijing time. */
function untilOf(text: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number);
    return fromFloating(new Date(Date.UTC(y, m - 1, d, 23, 59, 59, 999)), SHIFT_TIME_ZONE);
  }
  return new Date(text);
}

/**
 * Shifts of a need: one-off, date ranges (camps) and RRULE series. Changing a
 * shift runs the lifecycle listeners in the same transaction: engagement owns
 * the shift's capacity and seats, refuses a capacity below its confirmed
 * sign-ups, and emits `shift.updated` to the organisation, the need's room
 * and the volunteers signed up.
 */
@Injectable()
export class ShiftsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly shifts: ShiftsRepository,
    private readonly needs: NeedsService,
    private readonly lifecycle: NeedsLifecycle,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, needId: string, input: CreateShiftsDto): Promise<ShiftsCreatedView> {
    const occurrences = this.plan(input);
    return this.transactions.run(async (tx) => {
      const { need, scope } = await this.needs.lockForChange(tx, principal, needId);
      if (!isEditable(need.status)) throw NeedsErrors.noNewShifts(need.status);
      const existing = await this.shifts.countOfNeed(tx, needId);
      if (existing + occurrences.length > MAX_SHIFTS_PER_NEED) {
        throw NeedsErrors.shiftInvalid(
          input.rrule ? 'until' : 'startsAt',
          `would give the need more than ${MAX_SHIFTS_PER_NEED} shifts (it has ${existing})`,
          'too_large',
        );
      }
      const series = input.rrule
        ? await this.shifts.insertSeries(tx, scope, {
            needId,
            rrule: input.rrule.trim().replace(/^RRULE:/i, ''),
            timeZone: SHIFT_TIME_ZONE,
            firstStartsAt: occurrences[0].startsAt,
            durationMinutes: Math.round((occurrences[0].endsAt.getTime() - occurrences[0].startsAt.getTime()) / 60_000),
            until: untilOf(input.until!),
            occurrences: occurrences.length,
            createdBy: principal.userId,
          })
        : null;
      const created = await this.shifts.insertMany(tx, scope, needId, occurrences, series?.id ?? null);
      // Engagement takes the capacity into the shift's seats here, in this transaction.
      for (const shift of created) {
        await this.lifecycle.shiftChanged(tx, this.change('created', ['created'], need, { ...shift, capacity: input.capacity }, null));
      }
      await this.audit.record(tx, {
        action: 'shift.created',
        entityType: 'need',
        entityId: needId,
        orgId: scope.orgId,
        diff: { shifts: created.length, capacity: input.capacity, seriesId: series?.id ?? null, first: created[0].startsAt.toISOString() },
      });
      return { data: (await this.shifts.withOccupancy(created, tx)).map(toShiftView), seriesId: series?.id ?? null };
    });
  }

  /** The shifts to create, checked before any transaction opens. */
  private plan(input: CreateShiftsDto): Occurrence[] {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) throw NeedsErrors.shiftInvalid('endsAt', 'must be after startsAt', 'invalid_date');
    if (startsAt.getTime() <= Date.now()) throw NeedsErrors.shiftInvalid('startsAt', 'must be in the future', 'invalid_date');
    if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_DAYS * 86_400_000)
      throw NeedsErrors.shiftInvalid('endsAt', `must be at most ${MAX_SHIFT_DAYS} days after startsAt`, 'too_large');
    if (!input.rrule) {
      if (input.until !== undefined) throw NeedsErrors.untilOnlyWithRrule();
      return [{ startsAt, endsAt }];
    }
    if (input.until === undefined) throw NeedsErrors.untilRequiredWithRrule();
    const until = untilOf(input.until);
    if (Number.isNaN(until.getTime())) throw NeedsErrors.untilNotADate();
    if (endsAt.getTime() - startsAt.getTime() > MAX_RECURRING_SHIFT_HOURS * 3_600_000) {
      throw NeedsErrors.shiftInvalid('endsAt', `a repeating shift lasts at most ${MAX_RECURRING_SHIFT_HOURS} hours`, 'too_large');
    }
    try {
      return expandRecurrence({ rrule: input.rrule, startsAt, endsAt, until });
    } catch (error) {
      if (error instanceof RecurrenceError) throw NeedsErrors.shiftInvalid(error.field, error.message);
      throw error;
    }
  }

  async list(principal: Principal, needId: string): Promise<{ data: ShiftView[] }> {
    await this.needs.readable(principal, needId);
    return { data: (await this.shifts.ofNeed(needId)).map(toShiftView) };
  }

  async get(principal: Principal, shiftId: string): Promise<ShiftView> {
    const shift = await this.shifts.findById(shiftId);
    if (!shift) throw DomainError.notFound('Shift');
    await this.needs.readable(principal, shift.needId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'not_found' ? DomainError.notFound('Shift') : error;
    });
    return toShiftView(shift);
  }

  async update(principal: Principal, shiftId: string, input: UpdateShiftDto): Promise<ShiftView> {
    return this.withLockedShift(principal, shiftId, async (tx, scope, need, shift) => {
      const startsAt = input.startsAt ? new Date(input.startsAt) : shift.startsAt;
      const endsAt = input.endsAt ? new Date(input.endsAt) : shift.endsAt;
      const capacity = input.capacity ?? shift.capacity;
      const moved = startsAt.getTime() !== shift.startsAt.getTime() || endsAt.getTime() !== shift.endsAt.getTime();
      if (endsAt.getTime() <= startsAt.getTime()) throw NeedsErrors.shiftInvalid('endsAt', 'must be after startsAt', 'invalid_date');
      if (moved && shift.startsAt.getTime() <= Date.now()) throw NeedsErrors.shiftStarted();
      if (moved && startsAt.getTime() <= Date.now()) throw NeedsErrors.shiftInvalid('startsAt', 'must be in the future', 'invalid_date');
      if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_DAYS * 86_400_000)
        throw NeedsErrors.shiftInvalid('endsAt', `must be at most ${MAX_SHIFT_DAYS} days after startsAt`, 'too_large');
      // Engagement refuses a capacity below the confirmed sign-ups, under its seat lock.
      const changed = [
        ...(startsAt.getTime() !== shift.startsAt.getTime() ? ['startsAt'] : []),
        ...(endsAt.getTime() !== shift.endsAt.getTime() ? ['endsAt'] : []),
        ...(capacity !== shift.capacity ? ['capacity'] : []),
      ];
      if (changed.length === 0) return shift;
      await this.shifts.update(tx, scope, shiftId, { startsAt, endsAt });
      const after = { ...shift, startsAt, endsAt, capacity };
      // Listeners run after the write and before the commit: a refusal rolls it back.
      await this.lifecycle.shiftChanged(tx, this.change('updated', changed, need, after, shift));
      await this.audit.record(tx, {
        action: 'shift.updated',
        entityType: 'shift',
        entityId: shiftId,
        orgId: scope.orgId,
        diff: Object.fromEntries(changed.map((k) => [k, { from: describe(shift, k), to: describe(after, k) }])),
      });
      return (await this.shifts.findById(shiftId, tx))!;
    });
  }

  async cancel(principal: Principal, shiftId: string, reason: string | null): Promise<ShiftView> {
    return this.withLockedShift(principal, shiftId, async (tx, scope, need, shift) => {
      if (shift.endsAt.getTime() <= Date.now()) throw NeedsErrors.shiftOver();
      await this.shifts.update(tx, scope, shiftId, { status: 'cancelled' });
      const after: ShiftRow = { ...shift, status: 'cancelled' };
      await this.lifecycle.shiftChanged(tx, this.change('cancelled', ['status'], need, after, shift));
      await this.audit.record(tx, {
        action: 'shift.cancelled',
        entityType: 'shift',
        entityId: shiftId,
        orgId: scope.orgId,
        diff: { reason: reason ? 'given' : 'none' },
      });
      return (await this.shifts.findById(shiftId, tx))!;
    });
  }

  /** Locks the need, then the shift (always in that order), for owners and coordinators; refuses cancelled shifts and closed needs. */
  private async withLockedShift(
    principal: Principal,
    shiftId: string,
    work: (tx: Tx, scope: OrgScope, need: NeedEntity, shift: ShiftRow) => Promise<ShiftRow>,
  ): Promise<ShiftView> {
    const found = await this.shifts.findById(shiftId);
    if (!found) throw DomainError.notFound('Shift');
    return this.transactions.run(async (tx) => {
      const { need, scope } = await this.needs.lockForChange(tx, principal, found.needId).catch((error: unknown) => {
        throw error instanceof DomainError && error.code === 'not_found' ? DomainError.notFound('Shift') : error;
      });
      const shift = await this.shifts.lock(tx, scope, shiftId);
      if (!shift) throw DomainError.notFound('Shift');
      if (shift.status === 'cancelled') throw NeedsErrors.shiftCancelled();
      if (!isEditable(need.status)) throw NeedsErrors.shiftsFixed(need.status);
      return toShiftView(await work(tx, scope, need, shift));
    });
  }

  private change(
    kind: ShiftChange['kind'],
    changed: string[],
    need: NeedEntity,
    shift: ShiftEntity & { capacity: number },
    before: ShiftRow | null,
  ): ShiftChange {
    const facts = (s: ShiftEntity & { capacity: number }): ShiftChange['after'] => ({
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      status: s.status,
    });
    return {
      kind,
      changed,
      shiftId: shift.id,
      needId: need.id,
      orgId: need.orgId,
      before: before ? facts(before) : null,
      after: facts(shift),
      need: { status: need.status, childContact: need.childContact, minAge: need.minAge, title: need.title, type: need.type },
    };
  }
}
