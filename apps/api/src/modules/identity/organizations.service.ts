import { Injectable } from '@nestjs/common';
import {
  ROLES_BY_KIND,
  type MemberView,
  type MembershipRole,
  type OrganizationKind,
  type OrganizationStatus,
  type OrganizationView,
  type Page,
} from '@kindred/contracts';
import { can, requireOrgScope } from '../../common/auth/abilities';
import { grantOrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { ChangeRecorder, changeEvent } from '../live';
import { normalizeLogin } from './login.util';
import { MembershipsRepository, type MemberRow } from './memberships.repository';
import type { OrganizationEntity } from './organization.entity';
import { toOrganizationView } from './organization.view';
import { OrganizationsRepository } from './organizations.repository';
import { UsersRepository } from './users.repository';
import { decodeKeyset, encodeKeyset, type KeysetPosition } from '../../common/http/keyset-cursor';
import { IdentityErrors } from './identity.errors';

const fromKeyset = (p: KeysetPosition | null): { createdAt: string; id: string } | null => (p ? { createdAt: p.at, id: p.id } : null);

const toMemberView = (m: MemberRow): MemberView => ({
  userId: m.userId,
  displayName: m.displayName,
  role: m.role,
  joinedAt: m.joinedAt.toISOString(),
});

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organizations: OrganizationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly changes: ChangeRecorder,
  ) {}

  async create(
    principal: Principal,
    input: { kind: Exclude<OrganizationKind, 'platform'>; name: string; regionCode: string },
  ): Promise<OrganizationView> {
    return this.transactions.run(async (tx) => {
      const org = await this.organizations.insert(tx, {
        kind: input.kind,
        name: input.name.trim(),
        regionCode: input.regionCode,
        createdBy: principal.userId,
        status: 'unverified',
      });
      const scope = grantOrgScope(org.id);
      await this.memberships.insert(tx, scope, principal.userId, 'owner');
      await this.changes.record(tx, {
        audit: {
          action: 'organization.created',
          entityType: 'organization',
          entityId: org.id,
          orgId: org.id,
          diff: { kind: org.kind, regionCode: org.regionCode },
        },
        events: [
          changeEvent('organization.created', { organizationId: org.id, kind: org.kind, name: org.name }, { orgIds: [org.id] }),
          changeEvent(
            'membership.changed',
            { organizationId: org.id, userId: principal.userId, role: 'owner' },
            { orgIds: [org.id], userIds: [principal.userId] },
          ),
        ],
      });
      return toOrganizationView(org);
    });
  }

  /**
   * Verified organisations are public facts (they post needs). Unverified or
   * suspended ones are visible only to their members and platform administrators.
   */
  async get(principal: Principal, id: string): Promise<OrganizationView> {
    const org = await this.organizations.findById(id);
    if (!org || (org.status !== 'verified' && !can(principal, 'read', 'Organization', id))) throw DomainError.notFound('Organization');
    return toOrganizationView(org);
  }

  async list(
    principal: Principal,
    filter: { status?: OrganizationStatus; kind?: OrganizationKind; mine?: boolean },
    limit: number,
    cursor?: string,
  ): Promise<Page<OrganizationView>> {
    const ids = !principal.isPlatformAdmin || filter.mine ? principal.memberships.map((m) => m.organizationId) : undefined;
    const rows = await this.organizations.page(
      { status: filter.status, kind: filter.kind, ids },
      limit + 1,
      fromKeyset(decodeKeyset(cursor)),
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map(toOrganizationView),
      nextCursor: rows.length > limit && last ? encodeKeyset(last.createdAt, last.id) : null,
    };
  }

  /** Platform administrators verify, suspend or reinstate. */
  async setStatus(principal: Principal, id: string, status: Exclude<OrganizationStatus, 'unverified'>): Promise<OrganizationView> {
    if (!principal.isPlatformAdmin) throw DomainError.forbidden('Only a platform administrator may do this');
    return this.transactions.run(async (tx) => {
      const org = await this.organizations.lockForUpdate(tx, grantOrgScope(id));
      if (!org) throw DomainError.notFound('Organization');
      if (org.status !== status) {
        await this.organizations.setStatus(tx, id, status);
        await this.changes.record(tx, {
          audit: { action: `organization.${status}`, entityType: 'organization', entityId: id, orgId: id, diff: { from: org.status, to: status } },
          events: [changeEvent('organization.updated', { organizationId: id, status }, { orgIds: [id] })],
        });
      }
      const updated = (await this.organizations.findById(id, tx)) as OrganizationEntity;
      return toOrganizationView(updated);
    });
  }

  async members(principal: Principal, orgId: string): Promise<MemberView[]> {
    const scope = requireOrgScope(principal, 'read', 'Membership', orgId);
    return (await this.memberships.members(scope)).map(toMemberView);
  }

  /** Members for other contexts acting for the organisation (certificate issuer names, company hour totals). */
  async membersAsSystem(orgId: string): Promise<MemberView[]> {
    return (await this.memberships.members(grantOrgScope(orgId))).map(toMemberView);
  }

  /** Public facts (name, kind, status) of organisations for other contexts, e.g. who posted a need and whether it may be listed. */
  async summariesAsSystem(ids: string[]): Promise<Array<Pick<OrganizationView, 'id' | 'kind' | 'name' | 'status'>>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    return (await this.organizations.page({ ids: unique }, unique.length, null)).map(({ id, kind, name, status }) => ({
      id,
      kind,
      name,
      status,
    }));
  }

  /** Ids of every organisation in one status (suspended ones are few; the needs feed leaves their work out). */
  async idsWithStatusAsSystem(status: OrganizationStatus): Promise<string[]> {
    const ids: string[] = [];
    for (let cursor: { createdAt: string; id: string } | null = null; ;) {
      const rows = await this.organizations.page({ status }, 1000, cursor);
      ids.push(...rows.map((r) => r.id));
      const last = rows[rows.length - 1];
      if (rows.length < 1000 || !last) return ids;
      cursor = { createdAt: last.createdAt.toISOString(), id: last.id };
    }
  }

  async addMember(principal: Principal, orgId: string, input: { login: string; role: MembershipRole }): Promise<MemberView> {
    const scope = requireOrgScope(principal, 'manage', 'Membership', orgId);
    return this.transactions.run(async (tx) => {
      const org = await this.lockOrg(tx, orgId);
      this.assertRoleFits(org.kind, input.role);
      const login = normalizeLogin(input.login);
      const user = login ? await this.users.findByLogin(login, tx) : null;
      if (!user) throw IdentityErrors.noAccountWithLogin();
      if (await this.memberships.find(scope, user.id, tx)) throw IdentityErrors.alreadyMember();
      const membership = await this.memberships.insert(tx, scope, user.id, input.role);
      await this.changes.record(tx, {
        audit: { action: 'membership.added', entityType: 'membership', entityId: membership.id, orgId, diff: { userId: user.id, role: input.role } },
        events: [
          changeEvent('membership.changed', { organizationId: orgId, userId: user.id, role: input.role }, { orgIds: [orgId], userIds: [user.id] }),
        ],
      });
      return { userId: user.id, displayName: user.displayName, role: input.role, joinedAt: membership.createdAt.toISOString() };
    });
  }

  async changeRole(principal: Principal, orgId: string, userId: string, role: MembershipRole): Promise<MemberView> {
    const scope = requireOrgScope(principal, 'manage', 'Membership', orgId);
    return this.transactions.run(async (tx) => {
      const org = await this.lockOrg(tx, orgId);
      this.assertRoleFits(org.kind, role);
      const membership = await this.memberships.find(scope, userId, tx);
      if (!membership) throw DomainError.notFound('Member');
      if (membership.role === 'owner' && role !== 'owner') await this.assertAnotherOwner(tx, scope);
      await this.memberships.updateRole(tx, scope, userId, role);
      await this.changes.record(tx, {
        audit: {
          action: 'membership.role_changed',
          entityType: 'membership',
          entityId: membership.id,
          orgId,
          diff: { userId, from: membership.role, to: role },
        },
        events: [changeEvent('membership.changed', { organizationId: orgId, userId, role }, { orgIds: [orgId], userIds: [userId] })],
      });
      const user = await this.users.findById(userId, tx);
      return { userId, displayName: user?.displayName ?? '', role, joinedAt: membership.createdAt.toISOString() };
    });
  }

  async removeMember(principal: Principal, orgId: string, userId: string): Promise<void> {
    // Anyone may leave an organisation; removing someone else takes an owner.
    const scope =
      userId === principal.userId
        ? requireOrgScope(principal, 'read', 'Membership', orgId)
        : requireOrgScope(principal, 'manage', 'Membership', orgId);
    await this.transactions.run(async (tx) => {
      await this.lockOrg(tx, orgId);
      const membership = await this.memberships.find(scope, userId, tx);
      if (!membership) throw DomainError.notFound('Member');
      if (membership.role === 'owner') await this.assertAnotherOwner(tx, scope);
      await this.memberships.remove(tx, scope, userId);
      await this.changes.record(tx, {
        audit: { action: 'membership.removed', entityType: 'membership', entityId: membership.id, orgId, diff: { userId, role: membership.role } },
        events: [changeEvent('membership.changed', { organizationId: orgId, userId, role: null }, { orgIds: [orgId], userIds: [userId] })],
      });
    });
  }

  private async lockOrg(tx: Tx, orgId: string): Promise<OrganizationEntity> {
    const org = await this.organizations.lockForUpdate(tx, grantOrgScope(orgId));
    if (!org) throw DomainError.notFound('Organization');
    return org;
  }

  private async assertAnotherOwner(tx: Tx, scope: ReturnType<typeof grantOrgScope>): Promise<void> {
    if ((await this.memberships.countOwners(tx, scope)) <= 1) {
      throw IdentityErrors.lastOwner();
    }
  }

  private assertRoleFits(kind: OrganizationKind, role: MembershipRole): void {
    if (!ROLES_BY_KIND[kind].includes(role)) {
      throw IdentityErrors.roleNotAllowed(role, kind, ROLES_BY_KIND[kind]);
    }
  }
}
