import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { ShiftSeriesEntity } from './shift-series.entity';
import { ShiftEntity } from './shift.entity';

/** A shift's seats as engagement publishes them (the `shift_occupancy` view). */
export interface Occupancy {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

/** A shift with its seats, read in the same statement's snapshot as the shift. */
export type ShiftRow = ShiftEntity & Occupancy;

/** A shift whose seat row is missing (only between its insert and the listeners' run) shows none. */
const NO_SEATS: Occupancy = { capacity: 0, confirmedCount: 0, waitlistCount: 0 };

export type NewSeries = Pick<
  ShiftSeriesEntity,
  'needId' | 'rrule' | 'timeZone' | 'firstStartsAt' | 'durationMinutes' | 'until' | 'occurrences' | 'createdBy'
>;

@Injectable()
export class ShiftsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  async insertSeries(tx: Tx, scope: OrgScope, series: NewSeries): Promise<ShiftSeriesEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(ShiftSeriesEntity, { ...series, orgId: scope.orgId }));
  }

  /** Capacity and counters of the given shifts, from engagement's view: what a sign-up committed is there at once. */
  async occupancy(shiftIds: string[], tx?: Tx): Promise<Map<string, Occupancy>> {
    if (shiftIds.length === 0) return new Map();
    const rows: Array<{ shift_id: string; capacity: number; confirmed_count: number; waitlist_count: number }> = await this.manager(
      tx,
    ).query('SELECT shift_id, capacity, confirmed_count, waitlist_count FROM shift_occupancy WHERE shift_id = ANY($1::uuid[])', [shiftIds]);
    return new Map(
      rows.map((r) => [r.shift_id, { capacity: r.capacity, confirmedCount: r.confirmed_count, waitlistCount: r.waitlist_count }]),
    );
  }

  /** The shifts with their seats, in the order given. */
  async withOccupancy(shifts: ShiftEntity[], tx?: Tx): Promise<ShiftRow[]> {
    const seats = await this.occupancy(
      shifts.map((s) => s.id),
      tx,
    );
    return shifts.map((s) => Object.assign(s, seats.get(s.id) ?? NO_SEATS));
  }

  async insertMany(
    tx: Tx,
    scope: OrgScope,
    needId: string,
    shifts: Array<{ startsAt: Date; endsAt: Date }>,
    seriesId: string | null,
  ): Promise<ShiftEntity[]> {
    const manager = managerOf(tx);
    const rows = shifts.map((s) => manager.create(ShiftEntity, { ...s, needId, orgId: scope.orgId, seriesId, status: 'scheduled' }));
    // One multi-row INSERT for a whole series.
    const result = await manager.createQueryBuilder().insert().into(ShiftEntity).values(rows).returning('*').execute();
    const ids = (result.raw as Array<{ id: string }>).map((r) => r.id);
    return manager
      .createQueryBuilder(ShiftEntity, 's')
      .where('s.id IN (:...ids)', { ids })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** Shifts of a need, by time. The need's visibility is checked by the service. */
  async ofNeed(needId: string, tx?: Tx): Promise<ShiftRow[]> {
    return this.withOccupancy(await this.manager(tx).find(ShiftEntity, { where: { needId }, order: { startsAt: 'ASC', id: 'ASC' } }), tx);
  }

  countOfNeed(tx: Tx, needId: string): Promise<number> {
    return managerOf(tx).countBy(ShiftEntity, { needId });
  }

  async findById(id: string, tx?: Tx): Promise<ShiftRow | null> {
    const shift = await this.manager(tx).findOneBy(ShiftEntity, { id });
    return shift ? (await this.withOccupancy([shift], tx))[0] : null;
  }

  async lock(tx: Tx, scope: OrgScope, id: string): Promise<ShiftRow | null> {
    const shift = await managerOf(tx)
      .createQueryBuilder(ShiftEntity, 's')
      .setLock('pessimistic_write')
      .where('s.id = :id AND s.org_id = :orgId', { id, orgId: scope.orgId })
      .getOne();
    return shift ? (await this.withOccupancy([shift], tx))[0] : null;
  }

  async update(tx: Tx, scope: OrgScope, id: string, fields: Partial<Pick<ShiftEntity, 'startsAt' | 'endsAt' | 'status'>>): Promise<void> {
    await managerOf(tx).update(ShiftEntity, { id, orgId: scope.orgId }, fields);
  }

  /** Cancels the need's shifts that have not started; returns them as they were. */
  async cancelFuture(tx: Tx, scope: OrgScope, needId: string, now: Date): Promise<ShiftEntity[]> {
    const manager = managerOf(tx);
    const future = await manager
      .createQueryBuilder(ShiftEntity, 's')
      .setLock('pessimistic_write')
      .where(`s.need_id = :needId AND s.org_id = :orgId AND s.status = 'scheduled' AND s.starts_at > :now`, {
        needId,
        orgId: scope.orgId,
        now,
      })
      .orderBy('s.starts_at', 'ASC')
      .getMany();
    if (future.length > 0) {
      await manager
        .createQueryBuilder()
        .update(ShiftEntity)
        .set({ status: 'cancelled' })
        .where('id IN (:...ids)', { ids: future.map((s) => s.id) })
        .execute();
    }
    return future;
  }
}
