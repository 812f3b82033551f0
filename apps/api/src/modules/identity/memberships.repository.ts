import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MembershipRole, OrganizationKind, OrganizationStatus } from '@kindred/contracts';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { MembershipEntity } from './membership.entity';

export interface MembershipWithOrganization {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  organizationStatus: OrganizationStatus;
  role: MembershipRole;
}

export interface MemberRow {
  userId: string;
  displayName: string;
  role: MembershipRole;
  joinedAt: Date;
}

@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  /** The caller's own memberships: scoped by the user, not by an organisation. */
  async ofUser(userId: string): Promise<MembershipWithOrganization[]> {
    const rows: Array<{ org_id: string; name: string; kind: OrganizationKind; status: OrganizationStatus; role: MembershipRole }> =
      await this.dataSource.query(
        `SELECT m.org_id, o.name, o.kind, o.status, m.role
           FROM memberships m JOIN organizations o ON o.id = m.org_id
          WHERE m.user_id = $1
          ORDER BY m.created_at`,
        [userId],
      );
    return rows.map((r) => ({
      organizationId: r.org_id,
      organizationName: r.name,
      organizationKind: r.kind,
      organizationStatus: r.status,
      role: r.role,
    }));
  }

  find(scope: OrgScope, userId: string, tx?: Tx): Promise<MembershipEntity | null> {
    return this.manager(tx).findOneBy(MembershipEntity, { orgId: scope.orgId, userId });
  }

  async members(scope: OrgScope): Promise<MemberRow[]> {
    const rows: Array<{ user_id: string; display_name: string; role: MembershipRole; created_at: Date }> = await this.dataSource.query(
      `SELECT m.user_id, u.display_name, m.role, m.created_at
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.org_id = $1 ORDER BY m.created_at, m.user_id`,
      [scope.orgId],
    );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role, joinedAt: r.created_at }));
  }

  async insert(tx: Tx, scope: OrgScope, userId: string, role: MembershipRole): Promise<MembershipEntity> {
    const entity = managerOf(tx).create(MembershipEntity, { orgId: scope.orgId, userId, role });
    return managerOf(tx).save(entity);
  }

  async updateRole(tx: Tx, scope: OrgScope, userId: string, role: MembershipRole): Promise<void> {
    await managerOf(tx).update(MembershipEntity, { orgId: scope.orgId, userId }, { role });
  }

  async remove(tx: Tx, scope: OrgScope, userId: string): Promise<void> {
    await managerOf(tx).delete(MembershipEntity, { orgId: scope.orgId, userId });
  }

  countOwners(tx: Tx, scope: OrgScope): Promise<number> {
    return managerOf(tx).countBy(MembershipEntity, { orgId: scope.orgId, role: 'owner' });
  }
}
