import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  LEFT_BEHIND_CATEGORIES,
  IN_DIFFICULTY_CATEGORIES,
  type ChildListRow,
  type ChildView,
  type ConsentScope,
  type GuardianView,
  type Page,
  type RiskLevel,
} from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type OrgScopedTx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { decodeKeyset, encodeKeyset } from '../../common/http/keyset-cursor';
import { ChildrenErrors } from './children.errors';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { ChildCipher, normaliseName } from './child-cipher';
import { addDays, ageOn, beijingToday } from './child-dates';
import type { ChildEntity } from './child.entity';
import { toCategoryChangeView, toChildIdentity, toChildSummary } from './child.view';
import { IDENTITY_FIELDS, readableRegistries, requireChildAccess, mayChildren } from './children.policy';
import { ChildrenRepository, type ChildListFilter } from './children.repository';
import { ChildrenLifecycle } from './children-lifecycle';
import type { CreateChildDto } from './dto/create-child.dto';
import type { ExitChildDto } from './dto/exit-child.dto';
import type { ListChildrenDto } from './dto/list-children.dto';
import type { UpdateChildDto } from './dto/update-child.dto';
import { checkIdNumber } from './id-number';

/** Letters and digits that cannot be mistaken for one another when read aloud or handwritten. */
const ALIAS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function newAlias(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALIAS_ALPHABET[randomInt(ALIAS_ALPHABET.length)];
  return `C-${code}`;
}

/** A valid GB 11643 number carrying `birthDate`, normalised; 422 `invalid_id_number` otherwise. */
function checkedIdNumber(value: string, birthDate: string): string {
  const check = checkIdNumber(value);
  if (!check.ok) {
    throw ChildrenErrors.invalidIdNumber(check.reason);
  }
  if (check.birthDate !== birthDate) {
    throw ChildrenErrors.idNumberBirthDateMismatch();
  }
  return check.idNumber;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Registering, listing, changing and closing children's files. */
@Injectable()
export class ChildrenService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly children: ChildrenRepository,
    private readonly cipher: ChildCipher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly lifecycle: ChildrenLifecycle,
  ) {}

  /** Days until the next home visit for a risk level. */
  visitCadence(risk: RiskLevel): number {
    return this.config.children.visitCadenceDays[risk];
  }

  async create(principal: Principal, orgId: string, body: CreateChildDto): Promise<ChildView> {
    const scope = requireChildAccess(principal, orgId, 'create', 'Organization');
    const today = beijingToday();
    const registeredOn = body.registeredOn ?? today;
    if (body.birthDate > today) {
      throw ChildrenErrors.inTheFuture('birthDate');
    }
    if (registeredOn > today) {
      throw ChildrenErrors.inTheFuture('registeredOn');
    }
    if (registeredOn < body.birthDate) {
      throw ChildrenErrors.invalid('registeredOn', 'must not be before birthDate', 'invalid_date');
    }
    if (ageOn(body.birthDate, registeredOn) >= 18) {
      throw ChildrenErrors.invalid('birthDate', 'the child must be under 18 on registeredOn', 'too_large');
    }
    const idNumber = body.idNumber === undefined ? null : checkedIdNumber(body.idNumber, body.birthDate);
    const riskLevel = body.riskLevel ?? 'low';
    const guardians: GuardianView[] | null = body.guardians?.length
      ? body.guardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone ?? null }))
      : null;

    return this.tx.runScoped(scope, async (tx) => {
      let householdId: string;
      if (body.householdOf !== undefined) {
        const sibling = await this.children.find(tx, body.householdOf);
        if (!sibling || sibling.orgId !== orgId) {
          throw ChildrenErrors.invalid('householdOf', 'must be a child of this organisation', 'invalid_choice');
        }
        householdId = sibling.householdId;
      } else {
        householdId = await this.children.insertHousehold(tx, orgId);
      }
      const idNumberBidx = idNumber === null ? null : this.cipher.blindIndex('id_number', idNumber);
      if (idNumberBidx !== null && (await this.children.idNumberTaken(tx, orgId, idNumberBidx))) {
        throw ChildrenErrors.idNumberTaken();
      }
      let alias = newAlias();
      while (await this.children.aliasTaken(tx, orgId, alias)) alias = newAlias();
      const child = await this.children.insert(tx, {
        orgId,
        householdId,
        alias,
        gender: body.gender,
        birthDate: body.birthDate,
        regionCode: body.regionCode,
        schoolName: body.schoolName ?? null,
        grade: body.grade ?? null,
        categories: body.categories,
        livingArrangement: body.livingArrangement ?? null,
        socialAssistance: body.socialAssistance ?? 'none',
        riskLevel,
        status: 'active',
        registeredOn,
        exitedOn: null,
        exitReason: null,
        nextVisitDue: addDays(registeredOn, this.visitCadence(riskLevel)),
        nextReassessmentDue: addDays(registeredOn, this.config.children.reassessmentDays),
        lastParentContactOn: null,
        legalNameEnc: this.cipher.encrypt(body.legalName),
        idNumberEnc: this.cipher.encryptNullable(idNumber),
        addressEnc: this.cipher.encryptNullable(body.address),
        guardiansEnc: guardians === null ? null : this.cipher.encrypt(JSON.stringify(guardians)),
        nameBidx: this.cipher.blindIndex('name', body.legalName),
        idNumberBidx,
        createdBy: principal.userId,
      });
      await this.children.insertCategoryChange(tx, {
        orgId,
        childId: child.id,
        fromCategories: [],
        toCategories: body.categories,
        reason: null,
        effectiveOn: registeredOn,
        recordedBy: principal.userId,
      });
      await this.audit.record(tx, {
        action: 'child.registered',
        entityType: 'child',
        entityId: child.id,
        orgId,
        diff: { alias, categories: body.categories, riskLevel, householdId },
      });
      // Other contexts' rules on a written file (a concern for a child under 16 living alone), in this transaction.
      await this.lifecycle.childRecorded(tx, 'registered', child, principal.userId);
      return this.view(tx, principal, child, true, false);
    });
  }

  /** A child's file: identity fields (audited) for owners and coordinators, the summary for staff, 404 for everyone else. */
  async get(principal: Principal, id: string): Promise<ChildView> {
    const scopes = readableRegistries(principal);
    if (scopes.length === 0) throw DomainError.notFound('Child');
    return this.tx.runScoped(scopes, async (tx) => {
      const child = await this.children.find(tx, id);
      if (!child) throw DomainError.notFound('Child');
      requireChildAccess(principal, child.orgId, 'read');
      return this.view(tx, principal, child, mayChildren(principal, child.orgId, 'read_identity'));
    });
  }

  /**
   * One NGO's registry, newest registration first. Rows carry `legalName` only
   * for owners and coordinators, and such a page writes one audit row naming
   * how many names it showed (never which).
   */
  async list(principal: Principal, orgId: string, query: ListChildrenDto): Promise<Page<ChildListRow>> {
    const scope = requireChildAccess(principal, orgId, 'list', 'Organization');
    const withIdentity = mayChildren(principal, orgId, 'read_identity');
    const limit = query.limit ?? 50;
    const now = new Date();
    const today = beijingToday(now);
    const group = query.group === 'left_behind' ? LEFT_BEHIND_CATEGORIES : query.group === 'in_difficulty' ? IN_DIFFICULTY_CATEGORIES : [];
    let categories: string[] | undefined = query.category?.length ? [...query.category] : undefined;
    if (group.length) categories = categories ? categories.filter((c) => (group as readonly string[]).includes(c)) : [...group];
    if (categories && categories.length === 0) return { data: [], nextCursor: null, total: 0 };
    const q = query.q && normaliseName(query.q);
    const filter: ChildListFilter = {
      orgId,
      status: query.status ?? 'active',
      today,
      categories,
      ageBand: query.ageBand,
      regionPrefix: query.regionCode,
      visitOverdue: query.visitOverdue === 'true',
      search: q ? { nameBidx: this.cipher.blindIndex('name', q), alias: q.toUpperCase() } : undefined,
    };
    const position = decodeKeyset(query.cursor);
    return this.tx.runScoped(scope, async (tx) => {
      const rows = await this.children.listPage(
        tx,
        filter,
        limit + 1,
        position && { registeredOn: position.at.slice(0, 10), id: position.id },
      );
      const page = rows.slice(0, limit);
      const total = await this.children.listTotal(tx, filter);
      const scopes = await this.children.currentConsentScopes(
        tx,
        page.map((c) => c.id),
        now,
      );
      const data: ChildListRow[] = page.map((child) => {
        const row: ChildListRow = toChildSummary(child, {
          today,
          parentContactAlertDays: this.config.children.parentContactAlertDays,
          consentScopes: (scopes.get(child.id) ?? []) as ConsentScope[],
        });
        if (withIdentity) row.legalName = this.cipher.decrypt(child.legalNameEnc);
        return row;
      });
      if (withIdentity && data.length > 0) {
        await this.audit.record(tx, {
          action: 'child.identity_list_read',
          entityType: 'organization',
          entityId: orgId,
          orgId,
          actorUserId: principal.userId,
          diff: { fields: ['legalName'], count: data.length },
        });
      }
      const last = page[page.length - 1];
      return {
        data,
        nextCursor: rows.length > limit && last ? encodeKeyset(new Date(`${last.registeredOn}T00:00:00Z`), last.id) : null,
        total,
      };
    });
  }

  /**
   * Changes a file (owners and coordinators). `version` must be the file's
   * current one (409 `conflict` otherwise); a change of categories is kept as
   * history with its reason; a change of risk level moves the next visit.
   * Audited with the names of the changed fields, never their identity values.
   */
  async update(principal: Principal, id: string, body: UpdateChildDto): Promise<ChildView> {
    const scopes = readableRegistries(principal);
    if (scopes.length === 0) throw DomainError.notFound('Child');
    return this.tx.runScoped(scopes, async (tx) => {
      const child = await this.children.findForUpdate(tx, id);
      if (!child) throw DomainError.notFound('Child');
      requireChildAccess(principal, child.orgId, 'update');
      if (child.status === 'exited') throw ChildrenErrors.childExited();
      if (body.version !== child.version) {
        throw ChildrenErrors.staleVersion(child.version);
      }
      const today = beijingToday();
      const changed: string[] = [];
      const diff: Record<string, unknown> = {};

      const birthDate = body.birthDate ?? child.birthDate;
      if (body.birthDate !== undefined && body.birthDate !== child.birthDate) {
        if (body.birthDate > today) throw ChildrenErrors.invalid('birthDate', 'must not be in the future', 'in_the_future');
        if (body.birthDate > child.registeredOn)
          throw ChildrenErrors.invalid('birthDate', 'must not be after registeredOn', 'invalid_date');
        if (ageOn(body.birthDate, child.registeredOn) >= 18)
          throw ChildrenErrors.invalid('birthDate', 'the child must be under 18 on registeredOn', 'too_large');
        child.birthDate = body.birthDate;
        changed.push('birthDate');
      }
      if (body.idNumber !== undefined) {
        const idNumber = checkedIdNumber(body.idNumber, birthDate);
        const bidx = this.cipher.blindIndex('id_number', idNumber);
        if (bidx !== child.idNumberBidx) {
          if (await this.children.idNumberTakenByOther(tx, child.orgId, bidx, child.id)) {
            throw ChildrenErrors.idNumberTaken();
          }
          child.idNumberEnc = this.cipher.encrypt(idNumber);
          child.idNumberBidx = bidx;
          changed.push('idNumber');
        }
      } else if (changed.includes('birthDate') && child.idNumberEnc !== null) {
        checkedIdNumber(this.cipher.decrypt(child.idNumberEnc), birthDate);
      }
      if (body.legalName !== undefined) {
        const nameBidx = this.cipher.blindIndex('name', body.legalName);
        if (nameBidx !== child.nameBidx || this.cipher.decrypt(child.legalNameEnc) !== body.legalName) {
          child.legalNameEnc = this.cipher.encrypt(body.legalName);
          child.nameBidx = nameBidx;
          changed.push('legalName');
        }
      }
      if (body.address !== undefined) {
        child.addressEnc = this.cipher.encrypt(body.address);
        changed.push('address');
      }
      if (body.guardians !== undefined) {
        const guardians: GuardianView[] = body.guardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone ?? null }));
        child.guardiansEnc = guardians.length ? this.cipher.encrypt(JSON.stringify(guardians)) : null;
        changed.push('guardians');
      }
      for (const field of ['gender', 'regionCode', 'schoolName', 'grade', 'livingArrangement', 'socialAssistance'] as const) {
        const value = body[field];
        if (value !== undefined && value !== child[field]) {
          (child as unknown as Record<string, unknown>)[field] = value;
          changed.push(field);
        }
      }

      const categoriesChange = body.categories !== undefined && !sameSet(body.categories, child.categories);
      if (categoriesChange) {
        if (!body.categoryChangeReason) {
          throw ChildrenErrors.invalid('categoryChangeReason', 'is required when categories change', 'required');
        }
        const effectiveOn = body.categoryChangeEffectiveOn ?? today;
        if (effectiveOn < child.registeredOn) {
          throw ChildrenErrors.invalid('categoryChangeEffectiveOn', 'must not be before registeredOn', 'invalid_date');
        }
        await this.children.insertCategoryChange(tx, {
          orgId: child.orgId,
          childId: child.id,
          fromCategories: child.categories,
          toCategories: body.categories!,
          reason: body.categoryChangeReason,
          effectiveOn,
          recordedBy: principal.userId,
        });
        diff.categories = { from: child.categories, to: body.categories };
        child.categories = body.categories!;
        changed.push('categories');
      }

      if (body.riskLevel !== undefined && body.riskLevel !== child.riskLevel) {
        const lastVisit = (await this.children.lastVisitOn(tx, child.id)) ?? child.registeredOn;
        diff.riskLevel = { from: child.riskLevel, to: body.riskLevel };
        child.riskLevel = body.riskLevel;
        child.nextVisitDue = addDays(lastVisit, this.visitCadence(body.riskLevel));
        changed.push('riskLevel');
      }

      let saved = child;
      if (changed.length > 0) {
        saved = await this.children.save(tx, child);
        await this.audit.record(tx, {
          action: 'child.updated',
          entityType: 'child',
          entityId: child.id,
          orgId: child.orgId,
          actorUserId: principal.userId,
          diff: {
            fields: changed,
            identityFields: changed.filter((f) => (IDENTITY_FIELDS as readonly string[]).includes(f)),
            version: saved.version,
            ...diff,
          },
        });
        await this.lifecycle.childRecorded(tx, 'updated', saved, principal.userId);
      }
      return this.view(tx, principal, saved, mayChildren(principal, child.orgId, 'read_identity'));
    });
  }

  /** Closes a file with a reason (owners and coordinators); 409 `child_exited` when it is closed already. */
  async exit(principal: Principal, id: string, body: ExitChildDto): Promise<ChildView> {
    const scopes = readableRegistries(principal);
    if (scopes.length === 0) throw DomainError.notFound('Child');
    return this.tx.runScoped(scopes, async (tx) => {
      const child = await this.children.findForUpdate(tx, id);
      if (!child) throw DomainError.notFound('Child');
      requireChildAccess(principal, child.orgId, 'exit');
      if (child.status === 'exited') throw ChildrenErrors.childExited();
      if (body.date > beijingToday()) throw ChildrenErrors.invalid('date', 'must not be in the future', 'in_the_future');
      if (body.date < child.registeredOn) throw ChildrenErrors.invalid('date', 'must not be before registeredOn', 'invalid_date');
      child.status = 'exited';
      child.exitedOn = body.date;
      child.exitReason = body.reason;
      const saved = await this.children.save(tx, child);
      await this.audit.record(tx, {
        action: 'child.exited',
        entityType: 'child',
        entityId: child.id,
        orgId: child.orgId,
        actorUserId: principal.userId,
        diff: { reason: body.reason, exitedOn: body.date, version: saved.version },
      });
      return this.view(tx, principal, saved, mayChildren(principal, child.orgId, 'read_identity'));
    });
  }

  /**
   * The file as `principal` may see it. `identity` is decrypted when asked for;
   * a read is audited in the same transaction (the registration's own answer is
   * covered by its `child.registered` row).
   */
  private async view(
    tx: OrgScopedTx,
    principal: Principal,
    child: ChildEntity,
    withIdentity: boolean,
    auditRead = true,
  ): Promise<ChildView> {
    const now = new Date();
    // One connection per transaction: queries run one after the other.
    const scopes = await this.children.currentConsentScopes(tx, [child.id], now);
    const history = await this.children.categoryHistory(tx, child.id);
    const summary = toChildSummary(child, {
      today: beijingToday(now),
      parentContactAlertDays: this.config.children.parentContactAlertDays,
      consentScopes: (scopes.get(child.id) ?? []) as ConsentScope[],
    });
    const view: ChildView = { ...summary, categoryHistory: history.map(toCategoryChangeView) };
    if (withIdentity) {
      view.identity = toChildIdentity(child, this.cipher);
      if (auditRead)
        await this.audit.record(tx, {
          action: 'child.identity_read',
          entityType: 'child',
          entityId: child.id,
          orgId: child.orgId,
          actorUserId: principal.userId,
          diff: { fields: ['legalName', 'idNumber', 'address', 'guardians'] },
        });
    }
    return view;
  }
}
