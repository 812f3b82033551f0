import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HourRecordStatus } from '@kindred/contracts';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { OrgScope } from '../../common/auth/org-scope';
import { rowsOf } from '../../common/database/sql';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { HourRecordEntity } from './hour-record.entity';

export type NewHourRecord = Pick<
  HourRecordEntity,
  'signupId' | 'shiftId' | 'needId' | 'orgId' | 'userId' | 'minutes' | 'servedOn' | 'status' | 'flag' | 'reversesId' | 'note' | 'decidedBy'
>;

@Injectable()
export class HoursRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  async insert(tx: Tx, record: NewHourRecord): Promise<HourRecordEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(HourRecordEntity, { ...record, decidedAt: record.decidedBy ? new Date() : null }));
  }

  forSignup(tx: Tx, signupId: string): Promise<HourRecordEntity | null> {
    return managerOf(tx).findOneBy(HourRecordEntity, { signupId, reversesId: IsNull() });
  }

  findById(id: string, tx?: Tx): Promise<HourRecordEntity | null> {
    return this.manager(tx).findOneBy(HourRecordEntity, { id });
  }

  /** Decides a pending record; false when it was not pending any more (decided concurrently). */
  async decide(tx: Tx, scope: OrgScope, id: string, status: 'verified' | 'rejected', by: string, note: string | null): Promise<boolean> {
    const rows: unknown[] = await rowsOf(
      managerOf(tx),
      `UPDATE hour_records SET status = $3, decided_by = $4, decided_at = now(), note = COALESCE($5, note)
        WHERE id = $1 AND org_id = $2 AND status = 'pending' RETURNING id`,
      [id, scope.orgId, status, by, note],
    );
    return rows.length === 1;
  }

  /** Verifies every pending record of a shift at once; answers the ids verified. */
  async verifyShift(
    tx: Tx,
    scope: OrgScope,
    shiftId: string,
    by: string,
  ): Promise<Array<{ id: string; user_id: string; minutes: number }>> {
    return rowsOf(
      managerOf(tx),
      `UPDATE hour_records SET status = 'verified', decided_by = $3, decided_at = now()
        WHERE shift_id = $1 AND org_id = $2 AND status = 'pending' RETURNING id, user_id, minutes`,
      [shiftId, scope.orgId, by],
    );
  }

  async reversalOf(tx: Tx, id: string): Promise<HourRecordEntity | null> {
    return managerOf(tx).findOneBy(HourRecordEntity, { reversesId: id });
  }

  /** Verified minutes net of reversals, and pending minutes, for one volunteer. */
  async ledgerOf(userId: string, orgId?: string): Promise<{ verified: number; pending: number; records: HourRecordEntity[] }> {
    const where = orgId ? { userId, orgId } : { userId };
    const records = await this.dataSource.manager.find(HourRecordEntity, {
      where,
      order: { servedOn: 'DESC', createdAt: 'DESC' },
      take: 500,
    });
    const [totals]: Array<{ verified: string; pending: string }> = await this.dataSource.query(
      `SELECT COALESCE(sum(minutes) FILTER (WHERE status = 'verified'), 0) AS verified,
              COALESCE(sum(minutes) FILTER (WHERE status = 'pending'), 0) AS pending
         FROM hour_records WHERE user_id = $1 AND ($2::uuid IS NULL OR org_id = $2)`,
      [userId, orgId ?? null],
    );
    return { verified: Number(totals.verified), pending: Number(totals.pending), records };
  }

  /** Verified records (with their reversals) of a volunteer at one organisation, for a certificate. */
  verifiedAt(tx: Tx, userId: string, orgId: string): Promise<HourRecordEntity[]> {
    return managerOf(tx).find(HourRecordEntity, {
      where: { userId, orgId, status: 'verified' },
      order: { servedOn: 'ASC', createdAt: 'ASC' },
    });
  }

  async orgTotals(
    scope: OrgScope,
  ): Promise<{ verifiedMinutes: number; pendingMinutes: number; volunteers: number; byMonth: Array<{ month: string; minutes: number }> }> {
    const [t]: Array<{ verified: string; pending: string; volunteers: number }> = await this.dataSource.query(
      `SELECT COALESCE(sum(minutes) FILTER (WHERE status = 'verified'), 0) AS verified,
              COALESCE(sum(minutes) FILTER (WHERE status = 'pending'), 0) AS pending,
              count(DISTINCT user_id) FILTER (WHERE status = 'verified')::int AS volunteers
         FROM hour_records WHERE org_id = $1`,
      [scope.orgId],
    );
    const byMonth: Array<{ month: string; minutes: string }> = await this.dataSource.query(
      `SELECT to_char(date_trunc('month', served_on AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month, sum(minutes) AS minutes
         FROM hour_records WHERE org_id = $1 AND status = 'verified' GROUP BY 1 ORDER BY 1`,
      [scope.orgId],
    );
    return {
      verifiedMinutes: Number(t.verified),
      pendingMinutes: Number(t.pending),
      volunteers: t.volunteers,
      byMonth: byMonth.map((m) => ({ month: m.month, minutes: Number(m.minutes) })),
    };
  }

  /**
   * A page of the organisation's hour records, latest service first, with the
   * shift's start from the seats. Keyset on (served_on to the millisecond, id):
   * a cursor carries a JavaScript date, so the order uses the same precision.
   */
  async organizationPage(
    scope: OrgScope,
    filter: { status?: HourRecordStatus; from?: Date; to?: Date },
    fetch: number,
    after: { at: Date; id: string } | null,
  ): Promise<Array<{ record: HourRecordEntity; shiftStartsAt: Date | null }>> {
    const values: unknown[] = [scope.orgId];
    const param = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    const at = "date_trunc('milliseconds', h.served_on)";
    const where = ['h.org_id = $1'];
    if (filter.status) where.push(`h.status = ${param(filter.status)}`);
    if (filter.from) where.push(`h.served_on >= ${param(filter.from)}`);
    if (filter.to) where.push(`h.served_on <= ${param(filter.to)}`);
    if (after) where.push(`(${at}, h.id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
    const ids: Array<{ id: string; shift_starts_at: Date | null }> = await this.dataSource.query(
      `SELECT h.id, ss.starts_at AS shift_starts_at FROM hour_records h LEFT JOIN shift_seats ss ON ss.shift_id = h.shift_id
        WHERE ${where.join(' AND ')} ORDER BY ${at} DESC, h.id DESC LIMIT ${param(fetch)}`,
      values,
    );
    if (ids.length === 0) return [];
    const records = new Map(
      (await this.dataSource.manager.findBy(HourRecordEntity, { id: In(ids.map((r) => r.id)) })).map((r) => [r.id, r]),
    );
    return ids.map((r) => ({ record: records.get(r.id)!, shiftStartsAt: r.shift_starts_at }));
  }

  async verifiedMinutesByUser(userIds: string[]): Promise<Array<{ userId: string; minutes: number }>> {
    if (userIds.length === 0) return [];
    const rows: Array<{ user_id: string; minutes: string }> = await this.dataSource.query(
      `SELECT user_id, sum(minutes) AS minutes FROM hour_records WHERE status = 'verified' AND user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [userIds],
    );
    return rows.map((r) => ({ userId: r.user_id, minutes: Number(r.minutes) }));
  }
}
