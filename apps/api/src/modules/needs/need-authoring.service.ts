import { Injectable } from '@nestjs/common';
import { CHILD_CONTACT_NEED_TYPES, type NeedView, type FieldProblem } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { NeedFieldErrors, NeedsErrors } from './needs.errors';
import { ChangeRecorder, changeEvent } from '../live';
import { SkillsService } from '../volunteers';
import type { CreateNeedDto, NeedFieldsDto } from './dto/create-need.dto';
import type { UpdateNeedDto } from './dto/update-need.dto';
import { isEditable } from './need-status';
import { toNeedView } from './need.view';
import type { NeedEntity } from './need.entity';
import { NeedsLifecycle, rulesOf } from './needs-lifecycle';
import { NeedsRepository, type NeedFields, type NewItem } from './needs.repository';
import { NeedsService } from './needs.service';
import { ProgrammesRepository } from './programmes.repository';

/**
 * Writing a need: a draft's creation and edits (its fields, goods lines and
 * rules for volunteers). Each change runs in one transaction with its audit
 * entry, its outbox event and, when the rules change, the lifecycle
 * listeners of other contexts.
 */
@Injectable()
export class NeedAuthoringService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly needs: NeedsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly skills: SkillsService,
    private readonly reading: NeedsService,
    private readonly lifecycle: NeedsLifecycle,
    private readonly changes: ChangeRecorder,
  ) {}

  async create(principal: Principal, input: CreateNeedDto): Promise<NeedView> {
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', input.organizationId);
    const org = await this.reading.orgFacts(input.organizationId);
    if (!org) throw DomainError.notFound('Organization');
    if (org.kind !== 'ngo') throw NeedsErrors.notAnNgo();
    const { fields, items } = await this.validated(scope, input, null);
    return this.transactions.run(async (tx) => {
      const need = await this.needs.insert(tx, scope, { ...fields, createdBy: principal.userId });
      if (items) await this.needs.replaceItems(tx, scope, need.id, items);
      await this.changes.record(tx, {
        audit: {
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
        },
        // Drafts concern only the organisation: its room, not the need's.
        events: [
          changeEvent(
            'need.updated',
            { needId: need.id, organizationId: scope.orgId, status: 'draft', changed: ['created'] },
            { orgIds: [scope.orgId] },
          ),
        ],
      });
      return toNeedView(need, await this.needs.items(need.id, tx), org.name);
    });
  }

  async update(principal: Principal, needId: string, input: UpdateNeedDto): Promise<NeedView> {
    return this.transactions.run(async (tx) => {
      const { need, scope } = await this.reading.lockForChange(tx, principal, needId);
      if (!isEditable(need.status)) throw NeedsErrors.notEditable(need.status);
      if (input.type !== undefined && input.type !== need.type && need.status !== 'draft') {
        throw NeedsErrors.typeFixedAfterPublishing();
      }
      if (input.items !== undefined && need.status !== 'draft') {
        throw NeedsErrors.itemsFixedAfterPublishing();
      }
      if (need.beneficiariesLinked && input.beneficiaryCount !== undefined && input.beneficiaryCount !== need.beneficiaryCount) {
        throw NeedsErrors.beneficiariesLinked(need.beneficiaryCount);
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
      await this.changes.record(tx, {
        audit: { action: 'need.updated', entityType: 'need', entityId: needId, orgId: scope.orgId, diff: { fields: changedNames } },
        events:
          changedNames.length > 0
            ? [
                changeEvent(
                  'need.updated',
                  { needId, organizationId: scope.orgId, status: need.status, changed: changedNames },
                  { orgIds: [scope.orgId], needId: need.status === 'draft' ? null : needId, userIds: notify },
                ),
              ]
            : [],
      });
      const updated = (await this.needs.findById(needId, tx))!;
      return toNeedView(updated, await this.needs.items(needId, tx), (await this.reading.orgFacts(scope.orgId))?.name ?? null);
    });
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
    const errors: FieldProblem[] = [];
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
      if (input[key] === null) errors.push(NeedFieldErrors.notNull(key));
    }
    if (errors.length) throw NeedsErrors.invalid(errors);

    const type = input.type ?? existing!.type;
    const startsAt = given('startsAt') ? (input.startsAt ? new Date(input.startsAt) : null) : (existing?.startsAt ?? null);
    const endsAt = given('endsAt') ? (input.endsAt ? new Date(input.endsAt) : null) : (existing?.endsAt ?? null);
    if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime())
      errors.push(NeedFieldErrors.endsBeforeStarts());
    if (input.items && type !== 'goods') errors.push(NeedFieldErrors.itemsOnlyForGoods());
    const targetFen = given('targetFen') ? (input.targetFen ?? null) : (existing?.targetFen ?? null);
    if (!existing && type === 'goods' && !input.items && targetFen === null)
      errors.push(NeedFieldErrors.goodsNeedsItems());
    if (input.programmeId && !(await this.programmes.find(scope, input.programmeId))) {
      errors.push(NeedFieldErrors.unknownProgramme());
    }
    if (errors.length) throw NeedsErrors.invalid(errors);
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
