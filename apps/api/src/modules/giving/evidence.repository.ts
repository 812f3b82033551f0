import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { EvidenceFileEntity } from './evidence-file.entity';

@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    scope: OrgScope,
    file: Pick<EvidenceFileEntity, 'id' | 'uploadedBy' | 'contentType' | 'sizeBytes' | 'sha256' | 'storageKey'>,
  ): Promise<EvidenceFileEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(EvidenceFileEntity, { ...file, orgId: scope.orgId, entryId: null }));
  }

  /** Which of these ids have a row (for the orphan sweep, which works across organisations). */
  async existingIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource.manager.find(EvidenceFileEntity, { select: { id: true }, where: { id: In(ids) } });
    return new Set(rows.map((r) => r.id));
  }

  /** Attaches unattached files of the NGO to a usage; answers how many it attached. */
  async attach(tx: Tx, scope: OrgScope, ids: string[], entryId: string): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await managerOf(tx).update(EvidenceFileEntity, { id: In(ids), orgId: scope.orgId, entryId: IsNull() }, { entryId });
    return result.affected ?? 0;
  }

  findById(id: string): Promise<EvidenceFileEntity | null> {
    return this.dataSource.manager.findOneBy(EvidenceFileEntity, { id });
  }

  forEntries(entryIds: string[]): Promise<EvidenceFileEntity[]> {
    if (entryIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(EvidenceFileEntity, { where: { entryId: In(entryIds) }, order: { createdAt: 'ASC' } });
  }
}
