import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { AuditEntryEntity } from './audit-entry.entity';

export type NewAuditEntry = Pick<
  AuditEntryEntity,
  'actorUserId' | 'action' | 'entityType' | 'entityId' | 'orgId' | 'requestId' | 'diff'
>;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(tx: Tx, entry: NewAuditEntry): Promise<void> {
    await managerOf(tx).insert(AuditEntryEntity, entry as QueryDeepPartialEntity<AuditEntryEntity>);
  }

  /** Newest first; `scope` null means every organisation (platform administrators only). */
  async page(scope: OrgScope | null, limit: number, beforeId: string | null): Promise<AuditEntryEntity[]> {
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(limit);
    if (scope) query.andWhere('a.org_id = :orgId', { orgId: scope.orgId });
    if (beforeId) query.andWhere('a.id < :beforeId', { beforeId });
    return query.getMany();
  }
}
