import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { HourRecordStatus, RosterRow, SignupStatus } from '@kindred/contracts';
import type { OrgScope } from '../../common/auth/org-scope';
import { rowsOf } from '../../common/database/sql';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { SignupEntity } from './signup.entity';

/** A volunteer's sign-up as stored; the service turns it into the contract's `MyShiftRow`. */
export interface MyShiftRecord {
  signupId: string;
  shiftId: string;
  needId: string;
  orgId: string;
  status: SignupStatus;
  position: number | null;
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

@Injectable()
export class SignupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  /** Serialises one volunteer's sign-ups (overlap checks) without touching anyone else's. */
  async lockVolunteer(tx: Tx, userId: string): Promise<void> {
    await managerOf(tx).query(`SELECT pg_advisory_xact_lock(hashtextextended('signup:' || $1, 0))`, [userId]);
  }

  async findActive(tx: Tx, shiftId: string, userId: string): Promise<SignupEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(SignupEntity, 's')
      .where('s.shift_id = :shiftId AND s.user_id = :userId', { shiftId, userId })
      .andWhere(`s.status IN ('confirmed', 'waitlisted')`)
      .getOne();
  }

  /** The volunteer's most recent sign-up for a shift, whatever its status. */
  latest(tx: Tx, shiftId: string, userId: string): Promise<SignupEntity | null> {
    return managerOf(tx).findOne(SignupEntity, { where: { shiftId, userId }, order: { createdAt: 'DESC' } });
  }

  /** A confirmed sign-up of the volunteer whose shift overlaps [startsAt, endsAt). */
  async overlappingConfirmed(tx: Tx, userId: string, startsAt: Date, endsAt: Date, exceptShiftId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await managerOf(tx).query(
      `SELECT g.id FROM signups g JOIN shift_seats s ON s.shift_id = g.shift_id
        WHERE g.user_id = $1 AND g.status = 'confirmed' AND g.shift_id <> $4
          AND s.starts_at < $3 AND s.ends_at > $2
        LIMIT 1`,
      [userId, startsAt, endsAt, exceptShiftId],
    );
    return rows[0]?.id ?? null;
  }

  async insert(
    tx: Tx,
    signup: Pick<SignupEntity, 'shiftId' | 'needId' | 'orgId' | 'userId' | 'status' | 'waitlistSeq' | 'invitationId'>,
  ): Promise<SignupEntity> {
    const rows: Array<{ id: string; created_at: Date }> = await managerOf(tx).query(
      `INSERT INTO signups (shift_id, need_id, org_id, user_id, status, waitlist_seq, invitation_id, confirmed_at)
       VALUES ($1, $2, $3, $4, $5::varchar, $6, $7, CASE WHEN $5::varchar = 'confirmed' THEN now() END)
       RETURNING id, created_at`,
      [signup.shiftId, signup.needId, signup.orgId, signup.userId, signup.status, signup.waitlistSeq, signup.invitationId],
    );
    return Object.assign(new SignupEntity(), signup, { id: rows[0].id, createdAt: rows[0].created_at });
  }

  lockById(tx: Tx, id: string): Promise<SignupEntity | null> {
    return managerOf(tx).createQueryBuilder(SignupEntity, 's').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  findById(id: string, tx?: Tx): Promise<SignupEntity | null> {
    return this.manager(tx).findOneBy(SignupEntity, { id });
  }

  async cancel(tx: Tx, id: string, reason: string | null, late: boolean, status: 'cancelled' = 'cancelled'): Promise<void> {
    await managerOf(tx).query(
      `UPDATE signups SET status = $2, cancelled_at = now(), cancel_reason = $3, late_cancellation = $4 WHERE id = $1`,
      [id, status, reason, late],
    );
  }

  /** The organisations the volunteer ever signed up with (served or applied), whatever became of the sign-ups. */
  async organizationsOf(userId: string): Promise<string[]> {
    const rows: Array<{ org_id: string }> = await this.dataSource.query('SELECT DISTINCT org_id FROM signups WHERE user_id = $1', [userId]);
    return rows.map((r) => r.org_id);
  }

  /**
   * The volunteer's confirmed and waitlisted sign-ups on child-contact shifts that have not started, locked, in
   * shift order (a fixed order, so two transactions ending them cannot deadlock on each other).
   */
  futureChildContactLocked(tx: Tx, userId: string): Promise<SignupEntity[]> {
    return managerOf(tx)
      .createQueryBuilder(SignupEntity, 'g')
      .setLock('pessimistic_write', undefined, ['g'])
      .innerJoin('shift_seats', 's', 's.shift_id = g.shift_id')
      .where(`g.user_id = :userId AND g.status IN ('confirmed', 'waitlisted')`, { userId })
      .andWhere('s.child_contact AND s.starts_at > now()')
      .orderBy('g.shift_id', 'ASC')
      .getMany();
  }

  /** Waitlisted sign-ups of a shift in arrival order, locked so two cancellations cannot promote the same person. */
  waitlistLocked(tx: Tx, shiftId: string): Promise<SignupEntity[]> {
    return managerOf(tx)
      .createQueryBuilder(SignupEntity, 's')
      .setLock('pessimistic_write')
      .where(`s.shift_id = :shiftId AND s.status = 'waitlisted'`, { shiftId })
      .orderBy('s.waitlist_seq', 'ASC')
      .getMany();
  }

  /** The user ids of the first waiting people, in arrival order (no lock: a hint read before a transaction). */
  async waitlistHead(shiftId: string, limit: number): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT user_id FROM signups WHERE shift_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT $2`,
      [shiftId, limit],
    );
    return rows.map((r) => r.user_id);
  }

  async promote(tx: Tx, id: string): Promise<void> {
    await managerOf(tx).query(`UPDATE signups SET status = 'confirmed', confirmed_at = now(), skipped_reason = NULL WHERE id = $1`, [id]);
  }

  async markSkipped(tx: Tx, id: string, reason: string): Promise<void> {
    await managerOf(tx).query('UPDATE signups SET skipped_reason = $2 WHERE id = $1', [id, reason]);
  }

  async setStatus(tx: Tx, id: string, status: SignupStatus): Promise<void> {
    await managerOf(tx).query('UPDATE signups SET status = $2 WHERE id = $1', [id, status]);
  }

  async checkIn(tx: Tx, id: string, method: 'code' | 'coordinator', at: Date): Promise<boolean> {
    const rows: unknown[] = await rowsOf(
      managerOf(tx),
      `UPDATE signups SET checked_in_at = $3, check_in_method = $2 WHERE id = $1 AND checked_in_at IS NULL AND status = 'confirmed' RETURNING id`,
      [id, method, at],
    );
    return rows.length === 1;
  }

  async checkOut(tx: Tx, id: string, at: Date, autoClosed: boolean): Promise<boolean> {
    const rows: unknown[] = await rowsOf(
      managerOf(tx),
      `UPDATE signups SET checked_out_at = $2, auto_closed = $3, status = 'completed'
        WHERE id = $1 AND checked_in_at IS NOT NULL AND checked_out_at IS NULL RETURNING id`,
      [id, at, autoClosed],
    );
    return rows.length === 1;
  }

  /** Attendances still open after their cap; the sweeper closes them. */
  async openPastCap(limit: number, graceMinutes: number): Promise<Array<{ id: string }>> {
    return this.dataSource.query(
      `SELECT g.id FROM signups g JOIN shift_seats s ON s.shift_id = g.shift_id
        WHERE g.checked_in_at IS NOT NULL AND g.checked_out_at IS NULL AND s.ends_at + make_interval(mins => $2) < now()
        ORDER BY s.ends_at LIMIT $1`,
      [limit, graceMinutes],
    );
  }

  /** Ends every live sign-up of the shifts; answers who held them and how. */
  async cancelAllOfShifts(
    tx: Tx,
    shiftIds: string[],
    reason: string,
  ): Promise<Array<{ id: string; shiftId: string; orgId: string; userId: string; previousStatus: 'confirmed' | 'waitlisted' }>> {
    if (shiftIds.length === 0) return [];
    const rows: Array<{ id: string; shift_id: string; org_id: string; user_id: string; previous: 'confirmed' | 'waitlisted' }> =
      await rowsOf(
        managerOf(tx),
        `UPDATE signups g SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2
         FROM (SELECT id, status FROM signups WHERE shift_id = ANY($1::uuid[]) AND status IN ('confirmed', 'waitlisted') FOR UPDATE) old
        WHERE g.id = old.id
        RETURNING g.id, g.shift_id, g.org_id, g.user_id, old.status AS previous`,
        [shiftIds, reason],
      );
    return rows.map((r) => ({ id: r.id, shiftId: r.shift_id, orgId: r.org_id, userId: r.user_id, previousStatus: r.previous }));
  }

  async activeUserIds(tx: Tx, shiftId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await managerOf(tx).query(
      `SELECT user_id FROM signups WHERE shift_id = $1 AND status IN ('confirmed', 'waitlisted')`,
      [shiftId],
    );
    return rows.map((r) => r.user_id);
  }

  async roster(scope: OrgScope, shiftId: string): Promise<RosterRow[]> {
    return (await this.rosters(scope, [shiftId])).get(shiftId) ?? [];
  }

  /** The rosters of several shifts of one organisation in one query: confirmed and completed first, then the waitlist in order. */
  async rosters(scope: OrgScope, shiftIds: string[]): Promise<Map<string, RosterRow[]>> {
    const byShift = new Map<string, RosterRow[]>(shiftIds.map((id) => [id, []]));
    if (shiftIds.length === 0) return byShift;
    const rows: Array<{
      shift_id: string;
      id: string;
      user_id: string;
      display_name: string;
      status: SignupStatus;
      position: number | null;
      checked_in_at: Date | null;
      checked_out_at: Date | null;
      auto_closed: boolean;
      skipped_reason: string | null;
      created_at: Date;
      hour_record_id: string | null;
      hour_minutes: number | null;
      hour_status: HourRecordStatus | null;
      hour_flag: string | null;
    }> = await this.dataSource.query(
      `SELECT g.shift_id, g.id, g.user_id, u.display_name, g.status,
              CASE WHEN g.status = 'waitlisted' THEN row_number() OVER (PARTITION BY g.shift_id, g.status ORDER BY g.waitlist_seq) END AS position,
              g.checked_in_at, g.checked_out_at, g.auto_closed, g.skipped_reason, g.created_at,
              h.id AS hour_record_id, h.minutes AS hour_minutes, h.status AS hour_status, h.flag AS hour_flag
         FROM signups g JOIN users u ON u.id = g.user_id
         LEFT JOIN hour_records h ON h.signup_id = g.id AND h.reverses_id IS NULL
        WHERE g.shift_id = ANY($1::uuid[]) AND g.org_id = $2
        ORDER BY g.shift_id, CASE g.status WHEN 'confirmed' THEN 0 WHEN 'completed' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END, g.waitlist_seq NULLS FIRST, g.created_at`,
      [shiftIds, scope.orgId],
    );
    for (const r of rows) {
      byShift.get(r.shift_id)?.push({
        signupId: r.id,
        userId: r.user_id,
        displayName: r.display_name,
        status: r.status,
        position: r.position === null ? null : Number(r.position),
        checkedInAt: r.checked_in_at?.toISOString() ?? null,
        checkedOutAt: r.checked_out_at?.toISOString() ?? null,
        autoClosed: r.auto_closed,
        skippedReason: r.skipped_reason,
        createdAt: r.created_at.toISOString(),
        hourRecord: r.hour_record_id ? { id: r.hour_record_id, minutes: r.hour_minutes!, status: r.hour_status!, flag: r.hour_flag } : null,
      });
    }
    return byShift;
  }

  async mine(userId: string): Promise<MyShiftRecord[]> {
    const rows: Array<{
      id: string;
      shift_id: string;
      need_id: string;
      org_id: string;
      status: SignupStatus;
      waitlist_seq: number | null;
      starts_at: Date;
      ends_at: Date;
      checked_in_at: Date | null;
      checked_out_at: Date | null;
      position: number | null;
    }> = await this.dataSource.query(
      `SELECT g.id, g.shift_id, g.need_id, g.org_id, g.status, g.waitlist_seq, s.starts_at, s.ends_at, g.checked_in_at, g.checked_out_at,
              CASE WHEN g.status = 'waitlisted' THEN (SELECT count(*)::int FROM signups w WHERE w.shift_id = g.shift_id AND w.status = 'waitlisted' AND w.waitlist_seq <= g.waitlist_seq) END AS position
         FROM signups g JOIN shift_seats s ON s.shift_id = g.shift_id
        WHERE g.user_id = $1
        ORDER BY s.starts_at DESC LIMIT 200`,
      [userId],
    );
    return rows.map((r) => ({
      signupId: r.id,
      shiftId: r.shift_id,
      needId: r.need_id,
      orgId: r.org_id,
      status: r.status,
      position: r.position,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      checkedInAt: r.checked_in_at,
      checkedOutAt: r.checked_out_at,
    }));
  }

  /** Attendance history for the reliability score. */
  async attendanceCounts(userId: string): Promise<{ attended: number; noShows: number; lateCancellations: number }> {
    const [row]: Array<{ attended: number; no_shows: number; late: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'completed')::int AS attended,
              count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
              count(*) FILTER (WHERE status = 'cancelled' AND late_cancellation)::int AS late
         FROM signups WHERE user_id = $1`,
      [userId],
    );
    return { attended: row.attended, noShows: row.no_shows, lateCancellations: row.late };
  }
}
