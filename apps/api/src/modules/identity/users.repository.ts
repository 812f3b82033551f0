import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import type { NormalizedLogin } from './login.util';
import { UserEntity } from './user.entity';

export type NewUser = Pick<UserEntity, 'email' | 'phone' | 'passwordHash' | 'displayName' | 'locale' | 'isPlatformAdmin'>;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  findById(id: string, tx?: Tx): Promise<UserEntity | null> {
    return this.manager(tx).findOneBy(UserEntity, { id });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.createQueryBuilder(UserEntity, 'u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  findByLogin(login: NormalizedLogin, tx?: Tx): Promise<UserEntity | null> {
    return this.manager(tx).findOneBy(UserEntity, login.kind === 'email' ? { email: login.value } : { phone: login.value });
  }

  /** Inserts unless the e-mail or phone is taken; returns null on a conflict (including a concurrent one). */
  async insertIfFree(tx: Tx, user: NewUser): Promise<UserEntity | null> {
    const rows = await managerOf(tx)
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .orIgnore()
      .returning('*')
      .execute();
    if (rows.raw.length === 0) return null;
    return managerOf(tx).create(UserEntity, this.fromRaw(rows.raw[0] as Record<string, unknown>));
  }

  private fromRaw(raw: Record<string, unknown>): Partial<UserEntity> {
    return {
      id: raw.id as string,
      email: raw.email as string | null,
      phone: raw.phone as string | null,
      passwordHash: raw.password_hash as string,
      displayName: raw.display_name as string,
      locale: raw.locale as UserEntity['locale'],
      isPlatformAdmin: raw.is_platform_admin as boolean,
      failedLoginCount: raw.failed_login_count as number,
      lockedUntil: raw.locked_until as Date | null,
      createdAt: raw.created_at as Date,
      updatedAt: raw.updated_at as Date,
    };
  }

  async update(tx: Tx, id: string, changes: Partial<Pick<UserEntity, 'displayName' | 'locale' | 'passwordHash' | 'isPlatformAdmin'>>): Promise<void> {
    await managerOf(tx).update(UserEntity, { id }, changes);
  }

  /** Counts a failed login atomically and locks the account once the threshold is reached. */
  async recordFailedLogin(id: string, threshold: number, lockSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE users
          SET failed_login_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_login_count + 1 END,
              locked_until = CASE
                WHEN locked_until IS NOT NULL AND locked_until > now() THEN locked_until
                WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_login_count + 1 END) >= $2
                  THEN now() + make_interval(secs => $3)
                ELSE NULL END
        WHERE id = $1`,
      [id, threshold, lockSeconds],
    );
  }

  async clearFailedLogins(id: string): Promise<void> {
    await this.dataSource.query('UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1 AND (failed_login_count > 0 OR locked_until IS NOT NULL)', [id]);
  }
}
