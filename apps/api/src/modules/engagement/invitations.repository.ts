import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { InvitationEntity } from './invitation.entity';

@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless the person already has an open invitation to the shift (then answers that one). */
  async insertOrExisting(
    tx: Tx,
    invitation: Pick<InvitationEntity, 'shiftId' | 'needId' | 'orgId' | 'userId' | 'invitedBy' | 'message'>,
  ): Promise<InvitationEntity> {
    const manager = managerOf(tx);
    const existing = await manager.findOneBy(InvitationEntity, {
      shiftId: invitation.shiftId,
      userId: invitation.userId,
      status: 'pending',
    });
    return existing ?? manager.save(manager.create(InvitationEntity, invitation));
  }

  lockById(tx: Tx, id: string): Promise<InvitationEntity | null> {
    return managerOf(tx).createQueryBuilder(InvitationEntity, 'i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  async setStatus(tx: Tx, id: string, status: InvitationEntity['status']): Promise<void> {
    await managerOf(tx).update(InvitationEntity, { id }, { status });
  }

  pendingFor(userId: string): Promise<InvitationEntity[]> {
    return this.dataSource.manager.find(InvitationEntity, { where: { userId, status: 'pending' }, order: { createdAt: 'DESC' } });
  }
}
