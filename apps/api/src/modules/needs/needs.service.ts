import { Injectable } from '@nestjs/common';
import {
  CHILD_CONTACT_NEED_TYPES,
  type NeedStatus,
  type NeedSummaryView,
  type NeedView,
  type OrganizationKind,
  type OrganizationStatus,
  type Page,
  type ProblemFieldError,
} from '@kindred/contracts';
import { can, requireOrgScope } from '../../common/auth/abilities';
import { grantOrgScope, type OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { regionPrefix } from '../../common/regions/regions';
import { AuditService } from '../audit';
import { OrganizationsService } from '../identity';
import { type NeedAccess, type NeedSubscription, OutboxService } from '../live';
import { SkillsService } from '../volunteers';
import type { CreateNeedDto, NeedFieldsDto } from './dto/create-need.dto';
import type { SearchNeedsDto } from './dto/search-needs.dto';
import type { UpdateNeedDto } from './dto/update-need.dto';
import { assertTransition, isEditable } from './need-status';
import { toNeedSummaryView, toNeedView } from './need.view';
import type { NeedEntity } from './need.entity';
import { buildNeedSearch, decodeCursor, encodeCursor, type SearchVisibility } from './sql/needs-search.sql';
import { NeedsLifecycle, type NeedRules } from './needs-lifecycle';
import { NeedsRepository, type NeedFields, type NewItem } from './needs.repository';
import { ProgrammesRepository } from './programmes.repository';
import { ShiftsRepository } from './shifts.repository';

export const DEFAULT_RADIUS_KM = 20;

interface OrgFacts {
  name: string;
  kind: OrganizationKind;
  status: OrganizationStatus;
}

const rulesOf = (n: NeedEntity): NeedRules => ({
  status: n.status,
  childContact: n.childContact,
  minAge: n.minAge,
  title: n.title,
  type: n.type,
});

/**
 * Needs: creation, edits, the status machine and search. Everything that
 * changes a need runs in one transaction with its audit entry, its outbox
 * event and the lifecycle listeners of other contexts.
 */
@Injectable()
export class NeedsService implements NeedAccess {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly needs: NeedsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly organizations: OrganizationsService,
    private readonly skills: SkillsService,
    private readonly lifecycle: NeedsLifecycle,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
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

  async create(principal: Principal, input: CreateNeedDto): Promise<NeedView> {
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', input.organizationId);
    const org = await this.orgFacts(input.organizationId);
    if (!org) throw DomainError.notFound('Organization');
    if (org.kind !== 'ngo') throw DomainError.validation([{ field: 'organizationId', message: 'must be an NGO' }]);
    const { fields, items } = await this.validated(scope, input, null);
    return this.transactions.run(async (tx) => {
      const need = await this.needs.insert(tx, scope, { ...fields, createdBy: principal.userId });
      if (items) await this.needs.replaceItems(tx, scope, need.id, items);
      await this.audit.record(tx, {
        action: 'need.created',
        entityType: 'need',
        entityId: need.id,
        orgId: scope.orgId,
        diff: {
          type: need.type,
          regionCode: need.regionCode,
          childContact: need.childContact,
          items: items?.length ?? 0,
          targetFen: need.targetFen,
        },
      });
      // Drafts concern only the organisation: its room, not the need's.
      await this.outbox.emit(
        tx,
        'need.updated',
        { needId: need.id, organizationId: scope.orgId, status: 'draft', changed: ['created'] },
        { orgIds: [scope.orgId] },
      );
      return toNeedView(need, await this.needs.items(need.id, tx), org.name);
    });
  }

  async update(principal: Principal, needId: string, input: UpdateNeedDto): Promise<NeedView> {
    return this.transactions.run(async (tx) => {
      const { need, scope } = await this.lockForChange(tx, principal, needId);
      if (!isEditable(need.status)) throw new DomainError('conflict', `A ${need.status} need cannot be edited`);
      if (input.type !== undefined && input.type !== need.type && need.status !== 'draft') {
        throw new DomainError('conflict', 'The type of a need can change only while it is a draft', [
          { field: 'type', message: 'cannot change after publishing' },
        ]);
      }
      if (input.items !== undefined && need.status !== 'draft') {
        throw new DomainError('conflict', 'Goods lines can change only while the need is a draft (pledges refer to them)', [
          { field: 'items', message: 'cannot change after publishing' },
        ]);
      }
      const { fields, items } = await this.validated(scope, input, need);
      const changed = (Object.keys(fields) as Array<keyof NeedFields>).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(need[k]));
      const after = { ...need, ...fields } as NeedEntity;
      await this.needs.update(tx, scope, needId, Object.fromEntries(changed.map((k) => [k, fields[k]])));
      if (items) await this.needs.replaceItems(tx, scope, needId, items);
      const changedNames = [...changed, ...(items ? ['items'] : [])];
      const rulesChanged = changed.some((k) => k === 'childContact' || k === 'minAge' || k === 'title' || k === 'type');
      const notify = rulesChanged
        ? await this.lifecycle.needChanged(tx, {
            needId,
            orgId: scope.orgId,
            previousStatus: need.status,
            rules: rulesOf(after),
            reason: null,
            cancelledShiftIds: [],
          })
        : [];
      await this.audit.record(tx, {
        action: 'need.updated',
        entityType: 'need',
        entityId: needId,
        orgId: scope.orgId,
        diff: { fields: changedNames },
      });
      if (changedNames.length > 0) {
        await this.outbox.emit(
          tx,
          'need.updated',
          { needId, organizationId: scope.orgId, status: need.status, changed: changedNames },
          { orgIds: [scope.orgId], needId: need.status === 'draft' ? null : needId, userIds: notify },
        );
      }
      const updated = (await this.needs.findById(needId, tx))!;
      return toNeedView(updated, await this.needs.items(needId, tx), (await this.orgFacts(scope.orgId))?.name ?? null);
    });
  }

  /** draft → open; the organisation must be verified. */
  async publish(principal: Principal, needId: string): Promise<NeedView> {
    return this.changeStatus(principal, needId, 'open', null, true);
  }

  async changeStatus(principal: Principal, needId: string, to: NeedStatus, reason: string | null, publishOnly = false): Promise<NeedView> {
    return this.transactions.run(async (tx) => {
      const { need, scope } = await this.lockForChange(tx, principal, needId);
      if (publishOnly && need.status !== 'draft')
        throw new DomainError('invalid_transition', `This need is already published (it is ${need.status})`);
      await this.transition(tx, scope, need, to, reason);
      const updated = (await this.needs.findById(needId, tx))!;
      return toNeedView(updated, await this.needs.items(needId, tx), (await this.orgFacts(scope.orgId))?.name ?? null);
    });
  }

  /** For other contexts acting as the system (engagement marking a need filled), in their transaction. */
  async transitionAsSystem(tx: Tx, needId: string, to: NeedStatus, reason: string | null): Promise<void> {
    const found = await this.needs.findById(needId, tx);
    if (!found) throw DomainError.notFound('Need');
    const scope = grantOrgScope(found.orgId);
    const need = (await this.needs.lock(tx, scope, needId))!;
    if (need.status !== to) await this.transition(tx, scope, need, to, reason);
  }

  /**
   * One status change by the transition table, with its side effects:
   * publishing needs a verified organisation; cancelling cancels the shifts
   * that have not started and lets other contexts end their sign-ups and tell
   * each volunteer, in this same transaction (engagement, which owns the
   * seats, also sends each cancelled shift's `shift.updated`).
   */
  private async transition(tx: Tx, scope: OrgScope, need: NeedEntity, to: NeedStatus, reason: string | null): Promise<void> {
    const from = need.status;
    assertTransition(from, to);
    const publishing = from === 'draft' && to === 'open';
    if (publishing) {
      const org = await this.orgFacts(scope.orgId);
      if (org?.status === 'suspended') throw new DomainError('organization_suspended', 'This organisation is suspended');
      if (org?.status !== 'verified')
        throw new DomainError(
          'organization_unverified',
          'Only a verified organisation can publish needs; ask a platform administrator to verify it',
        );
    }
    const now = new Date();
    await this.needs.setStatus(tx, scope, need.id, to, {
      ...(publishing && !need.publishedAt ? { publishedAt: now } : {}),
      ...(to === 'cancelled' ? { cancelledAt: now, cancelReason: reason } : {}),
    });
    const cancelledShifts = to === 'cancelled' ? await this.shifts.cancelFuture(tx, scope, need.id, now) : [];
    const notify = await this.lifecycle.needChanged(tx, {
      needId: need.id,
      orgId: scope.orgId,
      previousStatus: from,
      rules: rulesOf({ ...need, status: to } as NeedEntity),
      reason: to === 'cancelled' ? reason : null,
      cancelledShiftIds: cancelledShifts.map((s) => s.id),
    });
    await this.audit.record(tx, {
      action: publishing ? 'need.published' : to === 'cancelled' ? 'need.cancelled' : 'need.status_changed',
      entityType: 'need',
      entityId: need.id,
      orgId: scope.orgId,
      diff: { from, to, ...(cancelledShifts.length ? { cancelledShifts: cancelledShifts.length } : {}) },
    });
    const audience = { orgIds: [scope.orgId], needId: need.id, userIds: notify };
    if (publishing) {
      await this.outbox.emit(
        tx,
        'need.published',
        { needId: need.id, organizationId: scope.orgId, title: need.title, type: need.type, status: to },
        audience,
      );
    } else {
      await this.outbox.emit(
        tx,
        'need.updated',
        {
          needId: need.id,
          organizationId: scope.orgId,
          status: to,
          changed: ['status'],
          ...(reason && to === 'cancelled' ? { reason } : {}),
        },
        audience,
      );
    }
  }

  async search(principal: Principal, query: SearchNeedsDto): Promise<Page<NeedSummaryView>> {
    const limit = query.limit ?? 50;
    const sort = query.sort ?? 'newest';
    const errors: ProblemFieldError[] = [];
    let near: { lat: number; lng: number; radiusKm: number } | undefined;
    if (query.near) {
      const [lat, lng] = query.near.split(',').map(Number);
      if (Math.abs(lat) > 90 || Math.abs(lng) > 180)
        errors.push({ field: 'near', message: 'must be lat,lng within -90..90 and -180..180' });
      else near = { lat, lng, radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM };
    } else if (query.radiusKm !== undefined) {
      errors.push({ field: 'radiusKm', message: 'needs near' });
    }
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from.getTime() > to.getTime()) errors.push({ field: 'to', message: 'must not be before from' });
    const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
    if (query.cursor && !after) errors.push({ field: 'cursor', message: 'is not a cursor this list gave out (for this sort)' });
    if (errors.length) throw DomainError.validation(errors);

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

  /**
   * Checks and normalises the fields of a create (existing = null) or an
   * update (only the given fields are returned, merged rules checked).
   */
  private async validated(
    scope: OrgScope,
    input: Partial<NeedFieldsDto>,
    existing: NeedEntity | null,
  ): Promise<{ fields: NeedFields; items: NewItem[] | null }> {
    const errors: ProblemFieldError[] = [];
    const given = <K extends keyof NeedFieldsDto>(key: K): boolean => input[key] !== undefined;
    for (const key of [
      'type',
      'title',
      'description',
      'regionCode',
      'childContact',
      'requiredSkills',
      'beneficiaryCount',
      'items',
    ] as const) {
      if (input[key] === null) errors.push({ field: key, message: 'must not be null' });
    }
    if (errors.length) throw DomainError.validation(errors);

    const type = input.type ?? existing!.type;
    const startsAt = given('startsAt') ? (input.startsAt ? new Date(input.startsAt) : null) : (existing?.startsAt ?? null);
    const endsAt = given('endsAt') ? (input.endsAt ? new Date(input.endsAt) : null) : (existing?.endsAt ?? null);
    if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime())
      errors.push({ field: 'endsAt', message: 'must not be before startsAt' });
    if (input.items && type !== 'goods') errors.push({ field: 'items', message: 'only goods needs have goods lines' });
    const targetFen = given('targetFen') ? (input.targetFen ?? null) : (existing?.targetFen ?? null);
    if (!existing && type === 'goods' && !input.items && targetFen === null)
      errors.push({ field: 'items', message: 'a goods need lists at least one item (or a money target)' });
    if (input.programmeId && !(await this.programmes.find(scope, input.programmeId))) {
      errors.push({ field: 'programmeId', message: "must be one of the organisation's programmes" });
    }
    if (errors.length) throw DomainError.validation(errors);
    if (input.requiredSkills) await this.skills.assertKnown(input.requiredSkills, 'requiredSkills');

    const all: NeedFields = {
      type,
      title: input.title ?? existing?.title ?? '',
      description: input.description ?? existing?.description ?? '',
      regionCode: input.regionCode ?? existing?.regionCode ?? '',
      place: given('place') ? (input.place ?? null) : (existing?.place ?? null),
      lat: given('location') ? (input.location?.lat ?? null) : (existing?.lat ?? null),
      lng: given('location') ? (input.location?.lng ?? null) : (existing?.lng ?? null),
      childContact: input.childContact ?? existing?.childContact ?? CHILD_CONTACT_NEED_TYPES.includes(type),
      requiredSkills: input.requiredSkills ?? existing?.requiredSkills ?? [],
      minAge: given('minAge') ? (input.minAge ?? null) : (existing?.minAge ?? null),
      programmeId: given('programmeId') ? (input.programmeId ?? null) : (existing?.programmeId ?? null),
      startsAt,
      endsAt,
      targetFen,
      beneficiaryCount: input.beneficiaryCount ?? existing?.beneficiaryCount ?? 0,
    };
    // A type change of a draft away from goods drops its goods lines.
    const items = input.items
      ? input.items.map(({ name, unit, quantity }) => ({ name, unit, quantity }))
      : existing && type !== 'goods' && existing.type === 'goods'
        ? []
        : null;
    return { fields: all, items };
  }
}
