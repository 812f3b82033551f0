import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganizationStatus } from '@kindred/contracts';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  async insert(tx: Tx, org: Pick<OrganizationEntity, 'kind' | 'name' | 'regionCode' | 'createdBy' | 'status'>): Promise<OrganizationEntity> {
    const entity = managerOf(tx).create(OrganizationEntity, org);
    return managerOf(tx).save(entity);
  }

  /** Organisation rows are public facts (name, kind, region); the id alone is enough to read one. */
  findById(id: string, tx?: Tx): Promise<OrganizationEntity | null> {
    return this.manager(tx).findOneBy(OrganizationEntity, { id });
  }

  /** Locks the organisation row, serialising membership changes within it (last-owner rule). */
  lockForUpdate(tx: Tx, scope: OrgScope): Promise<OrganizationEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(OrganizationEntity, 'o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id: scope.orgId })
      .getOne();
  }

  async setStatus(tx: Tx, id: string, status: OrganizationStatus): Promise<void> {
    await managerOf(tx).update(OrganizationEntity, { id }, {
      status,
      ...(status === 'verified' ? { verifiedAt: () => 'COALESCE(verified_at, now())' } : {}),
    });
  }

  /** Platform-wide listing for administrators, newest first. */
  async page(filter: { status?: OrganizationStatus; kind?: string; ids?: string[] }, limit: number, cursor: { createdAt: string; id: string } | null): Promise<OrganizationEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit);
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.ids) query.andWhere(filter.ids.length ? 'o.id IN (:...ids)' : 'false', { ids: filter.ids });
    if (cursor) query.andWhere('(o.created_at, o.id) < (:createdAt, :id)', cursor);
    return query.getMany();
  }
}
