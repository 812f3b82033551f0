import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ChildView, ConsentScope, GuardianView, RiskLevel } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type OrgScopedTx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { ChildrenErrors } from './children.errors';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { ChildCipher } from './child-cipher';
import { addDays, ageOn, beijingToday } from './child-dates';
import type { ChildEntity } from './child.entity';
import { toCategoryChangeView, toChildIdentity, toChildSummary } from './child.view';
import { readableRegistries, requireChildAccess, mayChildren } from './children.policy';
import { ChildrenRepository } from './children.repository';
import type { CreateChildDto } from './dto/create-child.dto';
import { checkIdNumber } from './id-number';

/** Letters and digits that cannot be mistaken for one another when read aloud or handwritten. */
const ALIAS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function newAlias(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALIAS_ALPHABET[randomInt(ALIAS_ALPHABET.length)];
  return `C-${code}`;
}

/** Registering and reading children's files. */
@Injectable()
export class ChildrenService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly children: ChildrenRepository,
    private readonly cipher: ChildCipher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
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
    let idNumber: string | null = null;
    if (body.idNumber !== undefined) {
      const check = checkIdNumber(body.idNumber);
      if (!check.ok) {
        throw ChildrenErrors.invalidIdNumber(check.reason);
      }
      if (check.birthDate !== body.birthDate) {
        throw ChildrenErrors.idNumberBirthDateMismatch();
      }
      idNumber = check.idNumber;
    }
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
