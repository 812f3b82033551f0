import { Injectable } from '@nestjs/common';
import {
  type NeedSummaryView,
  type NeedView,
  type OrganizationKind,
  type OrganizationStatus,
  type Page,
  type FieldProblem,
} from '@kindred/contracts';
import { can, requireOrgScope } from '../../common/auth/abilities';
import type { OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import type { Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { NeedFieldErrors, NeedsErrors } from './needs.errors';
import { regionPrefix } from '../../common/regions/regions';
import { OrganizationsService } from '../identity';
import type { NeedAccess, NeedSubscription } from '../live';
import type { SearchNeedsDto } from './dto/search-needs.dto';
import { toNeedSummaryView, toNeedView } from './need.view';
import type { NeedEntity } from './need.entity';
import { buildNeedSearch, decodeCursor, encodeCursor, type SearchVisibility } from './sql/needs-search.sql';
import { NeedsRepository } from './needs.repository';

export const DEFAULT_RADIUS_KM = 20;

export interface OrgFacts {
  name: string;
  kind: OrganizationKind;
  status: OrganizationStatus;
}

/**
 * Reading needs: who may see one (and join its room), one need, and search.
 * The checks every change starts with (lockForChange) live here too, so
 * authoring and the status machine (need-authoring.service.ts,
 * need-transitions.service.ts) decide access the same way.
 */
@Injectable()
export class NeedsService implements NeedAccess {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async orgFacts(orgId: string): Promise<OrgFacts | null> {
    const [org] = await this.organizations.summariesAsSystem([orgId]);
    return org ? { name: org.name, kind: org.kind, status: org.status } : null;
  }

  /**
   * Who may see a need: the organisation's members (and platform
   * administrators) always; everyone once it was published by an organisation
   * that is verified (not suspended). A member whose organisation is suspended
   * is refused rather than told it does not exist.
   */
  visibility(principal: Principal, need: Pick<NeedEntity, 'orgId' | 'status'>, orgStatus: OrganizationStatus | null): NeedSubscription {
    if (can(principal, 'read', 'NgoWork', need.orgId)) return 'allowed';
    if (need.status !== 'draft' && orgStatus === 'verified') return 'allowed';
    return principal.memberships.some((m) => m.organizationId === need.orgId) ? 'forbidden' : 'not_found';
  }

  /** For the live gateway: whether the caller may join `need:{id}` (same rule as reading the need). */
  async canSubscribe(principal: Principal, needId: string): Promise<NeedSubscription> {
    const need = await this.needs.findById(needId);
    if (!need) return 'not_found';
    return this.visibility(principal, need, (await this.orgFacts(need.orgId))?.status ?? null);
  }

  /** A need the caller may see, with its organisation; otherwise 404 (or the member's refusal). */
  async readable(principal: Principal, needId: string): Promise<{ need: NeedEntity; org: OrgFacts | null }> {
    const need = await this.needs.findById(needId);
    if (!need) throw DomainError.notFound('Need');
    const org = await this.orgFacts(need.orgId);
    const decision = this.visibility(principal, need, org?.status ?? null);
    if (decision === 'not_found') throw DomainError.notFound('Need');
    if (decision === 'forbidden') requireOrgScope(principal, 'read', 'NgoWork', need.orgId);
    return { need, org };
  }

  async get(principal: Principal, needId: string): Promise<NeedView> {
    const { need, org } = await this.readable(principal, needId);
    return toNeedView(need, await this.needs.items(needId), org?.name ?? null);
  }

  /**
   * Locks a need for a change by the caller (owners and coordinators of its
   * organisation, or a platform administrator). Outsiders who can see the
   * need get 403; those who cannot, 404.
   */
  async lockForChange(tx: Tx, principal: Principal, needId: string): Promise<{ need: NeedEntity; scope: OrgScope }> {
    const found = await this.needs.findById(needId, tx);
    if (!found) throw DomainError.notFound('Need');
    if (!can(principal, 'coordinate', 'NgoWork', found.orgId)) {
      if (principal.memberships.some((m) => m.organizationId === found.orgId))
        requireOrgScope(principal, 'coordinate', 'NgoWork', found.orgId);
      const visible = this.visibility(principal, found, (await this.orgFacts(found.orgId))?.status ?? null) === 'allowed';
      throw visible
        ? DomainError.forbidden('Only owners and coordinators of the organisation may change its needs')
        : DomainError.notFound('Need');
    }
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', found.orgId);
    const need = await this.needs.lock(tx, scope, needId);
    if (!need) throw DomainError.notFound('Need');
    return { need, scope };
  }

  async search(principal: Principal, query: SearchNeedsDto): Promise<Page<NeedSummaryView>> {
    const limit = query.limit ?? 50;
    const sort = query.sort ?? 'newest';
    const errors: FieldProblem[] = [];
    let near: { lat: number; lng: number; radiusKm: number } | undefined;
    if (query.near) {
      const [lat, lng] = query.near.split(',').map(Number);
      if (Math.abs(lat) > 90 || Math.abs(lng) > 180)
        errors.push(NeedFieldErrors.nearOutOfRange());
      else near = { lat, lng, radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM };
    } else if (query.radiusKm !== undefined) {
      errors.push(NeedFieldErrors.radiusWithoutNear());
    }
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from.getTime() > to.getTime()) errors.push(NeedFieldErrors.toBeforeFrom());
    const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
    if (query.cursor && !after) errors.push(NeedFieldErrors.unknownCursor());
    if (errors.length) throw NeedsErrors.invalid(errors);

    const visibility: SearchVisibility = principal.isPlatformAdmin
      ? { kind: 'all' }
      : {
          kind: 'scoped',
          ownOrgIds: principal.memberships.filter((m) => can(principal, 'read', 'NgoWork', m.organizationId)).map((m) => m.organizationId),
          hiddenOrgIds: await this.organizations.idsWithStatusAsSystem('suspended'),
        };
    const rows = await this.needs.search(
      buildNeedSearch({
        types: query.type,
        regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
        skills: query.skills,
        near,
        from,
        to,
        statuses: query.status,
        organizationId: query.organizationId,
        sort,
        after,
        fetch: limit + 1,
        visibility,
      }),
    );
    const page = rows.slice(0, limit);
    const names = new Map((await this.organizations.summariesAsSystem(page.map((r) => r.org_id))).map((o) => [o.id, o.name]));
    const last = page[page.length - 1];
    return {
      data: page.map((r) => toNeedSummaryView(r, names.get(r.org_id) ?? null)),
      nextCursor: rows.length > limit && last ? encodeCursor({ sort, key: last.sort_key, id: last.id }) : null,
    };
  }
}
