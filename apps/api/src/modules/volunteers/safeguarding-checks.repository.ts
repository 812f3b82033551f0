import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { SafeguardingCheckEntity } from './safeguarding-check.entity';

export type NewSafeguardingCheck = Pick<
  SafeguardingCheckEntity,
  | 'volunteerUserId'
  | 'kind'
  | 'offenceScope'
  | 'issuingAuthority'
  | 'reference'
  | 'queriedAt'
  | 'result'
  | 'verifiedBy'
  | 'verifiedOrgId'
  | 'expiresAt'
>;

@Injectable()
export class SafeguardingChecksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  async insert(tx: Tx, check: NewSafeguardingCheck): Promise<SafeguardingCheckEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(SafeguardingCheckEntity, check));
  }

  /** Every check of one volunteer, newest query first. */
  ofVolunteer(userId: string, tx?: Tx): Promise<SafeguardingCheckEntity[]> {
    return this.manager(tx).find(SafeguardingCheckEntity, {
      where: { volunteerUserId: userId },
      order: { queriedAt: 'DESC', createdAt: 'DESC' },
    });
  }

  /** Records found and not lifted, newest first, one keyset page (`after` is the last row of the previous page). */
  blocking(limit: number, after: { queriedAt: Date; id: string } | null): Promise<SafeguardingCheckEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(SafeguardingCheckEntity, 'c')
      .where(`c.result = 'flagged' AND c.liftedAt IS NULL`)
      .orderBy('c.queriedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit);
    if (after) {
      query.andWhere(
        new Brackets((q) =>
          q
            .where('c.queriedAt < :at', { at: after.queriedAt })
            .orWhere('c.queriedAt = :at AND c.id < :id', { at: after.queriedAt, id: after.id }),
        ),
      );
    }
    return query.getMany();
  }

  lock(tx: Tx, id: string): Promise<SafeguardingCheckEntity | null> {
    return managerOf(tx).createQueryBuilder(SafeguardingCheckEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  async lift(tx: Tx, id: string, by: string, reason: string, at: Date): Promise<void> {
    await managerOf(tx).update(SafeguardingCheckEntity, { id }, { liftedAt: at, liftedBy: by, liftReason: reason });
  }
}
