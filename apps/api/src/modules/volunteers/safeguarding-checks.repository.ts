import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

  lock(tx: Tx, id: string): Promise<SafeguardingCheckEntity | null> {
    return managerOf(tx).createQueryBuilder(SafeguardingCheckEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  async lift(tx: Tx, id: string, by: string, reason: string, at: Date): Promise<void> {
    await managerOf(tx).update(SafeguardingCheckEntity, { id }, { liftedAt: at, liftedBy: by, liftReason: reason });
  }
}
