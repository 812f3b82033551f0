import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { ProgrammeEntity } from './programme.entity';

@Injectable()
export class ProgrammesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when the organisation already has a programme of that name and year. */
  async insertIfNew(
    tx: Tx,
    scope: OrgScope,
    programme: Pick<ProgrammeEntity, 'name' | 'year' | 'createdBy'>,
  ): Promise<ProgrammeEntity | null> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .insert()
      .into(ProgrammeEntity)
      .values({ ...programme, orgId: scope.orgId })
      .orIgnore()
      .returning('*')
      .execute();
    const row = (result.raw as Array<{ id: string }>)[0];
    return row ? managerOf(tx).findOneBy(ProgrammeEntity, { id: row.id }) : null;
  }

  /** Programme names are public facts of the organisation, like its needs' titles; the service checks the organisation may be shown. */
  ofOrg(orgId: string): Promise<ProgrammeEntity[]> {
    return this.dataSource.manager.find(ProgrammeEntity, { where: { orgId }, order: { year: 'DESC', name: 'ASC' } });
  }

  find(scope: OrgScope, id: string, tx?: Tx): Promise<ProgrammeEntity | null> {
    return (tx ? managerOf(tx) : this.dataSource.manager).findOneBy(ProgrammeEntity, { id, orgId: scope.orgId });
  }
}
