import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, session: Pick<SessionEntity, 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await managerOf(tx).insert(SessionEntity, session);
  }

  /** Locks the token's row so that two refreshes with one token cannot both succeed. */
  findByHashForUpdate(tx: Tx, tokenHash: string): Promise<SessionEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(SessionEntity, 's')
      .setLock('pessimistic_write')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  async markSpent(tx: Tx, id: string): Promise<void> {
    await managerOf(tx).update(SessionEntity, { id }, { spentAt: () => 'now()' });
  }

  async revokeFamily(familyId: string, tx?: Tx): Promise<void> {
    const manager = tx ? managerOf(tx) : this.dataSource.manager;
    await manager.update(SessionEntity, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllOfUser(tx: Tx, userId: string): Promise<void> {
    await managerOf(tx).update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** A family is live while it has a token that is neither revoked nor expired. */
  async isFamilyActive(familyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM sessions WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1',
      [familyId],
    );
    return rows.length > 0;
  }
}
