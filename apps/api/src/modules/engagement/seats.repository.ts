import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../common/database/sql';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { ShiftSeatEntity } from './shift-seat.entity';

export type ShiftFactsRow = Pick<
  ShiftSeatEntity,
  'shiftId' | 'needId' | 'orgId' | 'startsAt' | 'endsAt' | 'capacity' | 'needOpen' | 'childContact' | 'minAge'
>;

/** A shift's capacity and counters: what engagement publishes (also as the `shift_occupancy` view). */
export interface SeatCounts {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

export interface SeatDecision {
  outcome: 'confirmed' | 'waitlisted';
  waitlistSeq: number;
  confirmedCount: number;
  waitlistCount: number;
  capacity: number;
}

@Injectable()
export class SeatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's shifts overlapping [from, to], earliest first, at most `limit`. */
  inWindow(scope: OrgScope, from: Date, to: Date, limit: number): Promise<ShiftSeatEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ShiftSeatEntity, 's')
      .where('s.orgId = :orgId AND s.endsAt >= :from AND s.startsAt <= :to', { orgId: scope.orgId, from, to })
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.shiftId', 'ASC')
      .limit(limit)
      .getMany();
  }

  find(shiftId: string, tx?: Tx): Promise<ShiftSeatEntity | null> {
    return (tx ? managerOf(tx) : this.dataSource.manager).findOneBy(ShiftSeatEntity, { shiftId });
  }

  /** Creates or refreshes the copy of a shift's facts; counters are kept. */
  async upsert(tx: Tx, facts: ShiftFactsRow): Promise<void> {
    await managerOf(tx).query(
      `INSERT INTO shift_seats (shift_id, need_id, org_id, starts_at, ends_at, capacity, need_open, child_contact, min_age)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (shift_id) DO UPDATE SET need_id = EXCLUDED.need_id, org_id = EXCLUDED.org_id, starts_at = EXCLUDED.starts_at,
         ends_at = EXCLUDED.ends_at, capacity = EXCLUDED.capacity, need_open = EXCLUDED.need_open,
         child_contact = EXCLUDED.child_contact, min_age = EXCLUDED.min_age, updated_at = now()`,
      [
        facts.shiftId,
        facts.needId,
        facts.orgId,
        facts.startsAt,
        facts.endsAt,
        facts.capacity,
        facts.needOpen,
        facts.childContact,
        facts.minAge,
      ],
    );
  }

  async setNeedRules(tx: Tx, needId: string, open: boolean, childContact: boolean, minAge: number | null): Promise<void> {
    await managerOf(tx).query(
      'UPDATE shift_seats SET need_open = $2, child_contact = $3, min_age = $4, updated_at = now() WHERE need_id = $1',
      [needId, open, childContact, minAge],
    );
  }

  /** Locks the row; used before changing capacity so the confirmed count cannot move underneath. */
  async lock(tx: Tx, shiftId: string): Promise<ShiftSeatEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(ShiftSeatEntity, 's')
      .setLock('pessimistic_write')
      .where('s.shift_id = :shiftId', { shiftId })
      .getOne();
  }

  /**
   * Decides a seat in one statement under the row lock: a free seat is taken,
   * otherwise the next waitlist ticket is handed out. Concurrent callers queue
   * on the lock, so tickets follow commit order and capacity is never exceeded.
   */
  async takeSeatOrTicket(tx: Tx, shiftId: string): Promise<SeatDecision | null> {
    const rows: Array<{
      last_outcome: 'confirmed' | 'waitlisted';
      waitlist_seq: number;
      confirmed_count: number;
      waitlist_count: number;
      capacity: number;
    }> = await rowsOf(
      managerOf(tx),
      `UPDATE shift_seats SET
            last_outcome = CASE WHEN confirmed_count < capacity THEN 'confirmed' ELSE 'waitlisted' END,
            waitlist_seq = waitlist_seq + CASE WHEN confirmed_count < capacity THEN 0 ELSE 1 END,
            waitlist_count = waitlist_count + CASE WHEN confirmed_count < capacity THEN 0 ELSE 1 END,
            confirmed_count = confirmed_count + CASE WHEN confirmed_count < capacity THEN 1 ELSE 0 END
          WHERE shift_id = $1
          RETURNING last_outcome, waitlist_seq, confirmed_count, waitlist_count, capacity`,
      [shiftId],
    );
    const row = rows[0];
    return row
      ? {
          outcome: row.last_outcome,
          waitlistSeq: row.waitlist_seq,
          confirmedCount: row.confirmed_count,
          waitlistCount: row.waitlist_count,
          capacity: row.capacity,
        }
      : null;
  }

  /** Moves one waiting person into a free seat; false when there is none. */
  async promoteIntoFreeSeat(tx: Tx, shiftId: string): Promise<boolean> {
    const rows: unknown[] = await rowsOf(
      managerOf(tx),
      `UPDATE shift_seats SET confirmed_count = confirmed_count + 1, waitlist_count = waitlist_count - 1
        WHERE shift_id = $1 AND confirmed_count < capacity RETURNING shift_id`,
      [shiftId],
    );
    return rows.length === 1;
  }

  /** Frees a seat (a confirmed sign-up left) or a place in line (a waiting one left). */
  async leave(tx: Tx, shiftId: string, from: 'confirmed' | 'waitlisted'): Promise<void> {
    await managerOf(tx).query(
      from === 'confirmed'
        ? 'UPDATE shift_seats SET confirmed_count = confirmed_count - 1 WHERE shift_id = $1'
        : 'UPDATE shift_seats SET waitlist_count = waitlist_count - 1 WHERE shift_id = $1',
      [shiftId],
    );
  }

  async setCapacity(tx: Tx, shiftId: string, capacity: number): Promise<void> {
    await managerOf(tx).query('UPDATE shift_seats SET capacity = $2, updated_at = now() WHERE shift_id = $1', [shiftId, capacity]);
  }

  async counts(tx: Tx, shiftId: string): Promise<SeatCounts> {
    const [row]: Array<{ capacity: number; confirmed_count: number; waitlist_count: number }> = await managerOf(tx).query(
      'SELECT capacity, confirmed_count, waitlist_count FROM shift_seats WHERE shift_id = $1',
      [shiftId],
    );
    return { capacity: row.capacity, confirmedCount: row.confirmed_count, waitlistCount: row.waitlist_count };
  }
}
