import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { ShiftSeriesEntity } from './shift-series.entity';
import { ShiftEntity } from './shift.entity';

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

  async insertMany(
    tx: Tx,
    scope: OrgScope,
    needId: string,
    shifts: Array<{ startsAt: Date; endsAt: Date; capacity: number }>,
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
  ofNeed(needId: string, tx?: Tx): Promise<ShiftEntity[]> {
    return this.manager(tx).find(ShiftEntity, { where: { needId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  countOfNeed(tx: Tx, needId: string): Promise<number> {
    return managerOf(tx).countBy(ShiftEntity, { needId });
  }

  findById(id: string, tx?: Tx): Promise<ShiftEntity | null> {
    return this.manager(tx).findOneBy(ShiftEntity, { id });
  }

  lock(tx: Tx, scope: OrgScope, id: string): Promise<ShiftEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(ShiftEntity, 's')
      .setLock('pessimistic_write')
      .where('s.id = :id AND s.org_id = :orgId', { id, orgId: scope.orgId })
      .getOne();
  }

  async update(
    tx: Tx,
    scope: OrgScope,
    id: string,
    fields: Partial<Pick<ShiftEntity, 'startsAt' | 'endsAt' | 'capacity' | 'status'>>,
  ): Promise<void> {
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

  /** Mirrors engagement's seat counters onto the shift (capacity CHECK still applies). */
  async recordCounts(tx: Tx, shiftId: string, confirmedCount: number, waitlistCount: number): Promise<void> {
    await managerOf(tx).update(ShiftEntity, { id: shiftId }, { confirmedCount, waitlistCount });
  }
}
