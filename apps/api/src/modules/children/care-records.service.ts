import { Injectable } from '@nestjs/common';
import type { AssessmentView, ChildTimelineEntry, Page, ServiceKind, ServiceRecordView } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { ChildrenErrors } from './children.errors';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { PledgesService } from '../giving';
import { NeedFactsService } from '../needs';
import { CareAccess, requireActive } from './care-access';
import { CareRepository, type CareDates } from './care.repository';
import type { ChildAssessmentEntity } from './child-assessment.entity';
import { addDays, beijingToday } from './child-dates';
import type { ChildServiceEntity } from './child-service.entity';
import type { ChildEntity } from './child.entity';
import type { CreateAssessmentDto, CreateServiceDto } from './dto/care.dto';

const AMOUNT_KINDS: readonly ServiceKind[] = ['cash_aid', 'grant'];
const QUANTITY_REQUIRED: readonly ServiceKind[] = ['material_aid'];
const QUANTITY_ALLOWED: readonly ServiceKind[] = ['material_aid', 'stationery', 'free_lunch'];

export function toServiceView(s: ChildServiceEntity): ServiceRecordView {
  return {
    id: s.id,
    childId: s.childId,
    kind: s.kind,
    date: s.date,
    needId: s.needId,
    shiftId: s.shiftId,
    pledgeId: s.pledgeId,
    amountFen: s.amountFen,
    quantity: s.quantity,
    notes: s.notes,
    recordedBy: s.recordedBy,
    recordedAt: s.recordedAt.toISOString(),
  };
}

export function toAssessmentView(a: ChildAssessmentEntity): AssessmentView {
  return {
    id: a.id,
    childId: a.childId,
    kind: a.kind,
    date: a.date,
    score: a.score,
    concern: a.concern,
    recordedAt: a.recordedAt.toISOString(),
  };
}

/** Checks a record's date: a calendar date, not in the future and not before the child was born. */
function checkDate(field: string, date: string, child: ChildEntity, today: string): void {
  if (date > today) throw ChildrenErrors.inTheFuture(field);
  if (date < child.birthDate) throw ChildrenErrors.beforeBirth(field);
}

const invalid = ChildrenErrors.invalid;

/**
 * Dynamic management (动态管理): services and visits, assessments and the
 * timeline of a child's file. A `family_visit` moves the next home visit by
 * the risk level's cadence, a `parent_child_call` the last parent contact, an
 * assessment the next reassessment; the dates only move forward.
 */
@Injectable()
export class CareRecordsService {
  constructor(
    private readonly access: CareAccess,
    private readonly care: CareRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly needFacts: NeedFactsService,
    private readonly pledges: PledgesService,
  ) {}

  async recordService(principal: Principal, childId: string, body: CreateServiceDto): Promise<ServiceRecordView> {
    const today = beijingToday();
    this.checkAmounts(body);
    // The links are checked against the needs and giving contexts before the transaction opens (their reads take their own connections).
    const links = await this.linkOwners(principal, body);
    return this.access.withChild(
      principal,
      childId,
      'record_service',
      async (tx, child) => {
        requireActive(child);
        checkDate('date', body.date, child, today);
        for (const [field, orgId] of links) {
          if (orgId !== child.orgId) throw invalid(field, "must belong to the child's organisation");
        }
        if (body.followUpId !== undefined && !(await this.care.lockFollowUp(tx, child.id, body.followUpId))) {
          throw invalid('followUpId', 'must be a follow-up pairing of this child');
        }
        const service = await this.care.insertService(tx, {
          orgId: child.orgId,
          childId: child.id,
          kind: body.kind,
          date: body.date,
          needId: body.needId ?? null,
          shiftId: body.shiftId ?? null,
          pledgeId: body.pledgeId ?? null,
          amountFen: body.amountFen ?? null,
          quantity: body.quantity ?? null,
          notes: body.notes ?? null,
          recordedBy: principal.userId,
        });
        const dates: CareDates = {};
        if (body.kind === 'family_visit') dates.nextVisitDue = addDays(body.date, this.config.children.visitCadenceDays[child.riskLevel]);
        if (body.kind === 'parent_child_call') dates.lastParentContactOn = body.date;
        await this.care.moveCareDates(tx, child.id, dates);
        await this.care.recordContact(tx, child.id, body.date, { userId: principal.userId });
        if (body.followUpId !== undefined) await this.care.recordContact(tx, child.id, body.date, { followUpId: body.followUpId });
        await this.audit.record(tx, {
          action: 'child.service_recorded',
          entityType: 'child',
          entityId: child.id,
          orgId: child.orgId,
          diff: {
            serviceId: service.id,
            kind: service.kind,
            date: service.date,
            needId: service.needId,
            shiftId: service.shiftId,
            pledgeId: service.pledgeId,
          },
        });
        return toServiceView(service);
      },
      { lock: true },
    );
  }

  listServices(principal: Principal, childId: string, limit: number, cursor: string | undefined): Promise<Page<ServiceRecordView>> {
    const after = decodeDateCursor(cursor);
    return this.access.withChild(principal, childId, 'read', async (tx, child) => {
      const rows = await this.care.services(tx, child.id, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { data: page.map(toServiceView), nextCursor: rows.length > limit && last ? encodeDateCursor(last.date, last.id) : null };
    });
  }

  recordAssessment(principal: Principal, childId: string, body: CreateAssessmentDto): Promise<AssessmentView> {
    const today = beijingToday();
    return this.access.withChild(
      principal,
      childId,
      'record_assessment',
      async (tx, child) => {
        requireActive(child);
        checkDate('date', body.date, child, today);
        const assessment = await this.care.insertAssessment(tx, {
          orgId: child.orgId,
          childId: child.id,
          kind: body.kind,
          date: body.date,
          score: body.score,
          concern: body.concern ?? false,
          recordedBy: principal.userId,
        });
        await this.care.moveCareDates(tx, child.id, { nextReassessmentDue: addDays(body.date, this.config.children.reassessmentDays) });
        await this.audit.record(tx, {
          action: 'child.assessment_recorded',
          entityType: 'child',
          entityId: child.id,
          orgId: child.orgId,
          diff: { assessmentId: assessment.id, kind: assessment.kind, date: assessment.date },
        });
        return toAssessmentView(assessment);
      },
      { lock: true },
    );
  }

  listAssessments(principal: Principal, childId: string): Promise<{ data: AssessmentView[] }> {
    return this.access.withChild(principal, childId, 'read', async (tx, child) => ({
      data: (await this.care.assessments(tx, child.id)).map(toAssessmentView),
    }));
  }

  /** Services, assessments, category changes, consent events, registration and exit: newest first. */
  timeline(principal: Principal, childId: string): Promise<ChildTimelineEntry[]> {
    return this.access.withChild(principal, childId, 'read', async (tx, child) => {
      // One connection per transaction: queries run one after the other.
      const services = await this.care.allServices(tx, child.id);
      const assessments = await this.care.assessments(tx, child.id);
      const changes = await this.care.categoryChanges(tx, child.id);
      const consents = await this.care.consents(tx, child.id);
      const entries: Array<ChildTimelineEntry & { order: number }> = [];
      entries.push({ at: child.registeredOn, kind: 'registered', id: child.id, summary: { alias: child.alias }, order: 0 });
      for (const c of changes) {
        entries.push({
          at: c.effectiveOn,
          kind: 'category_change',
          id: c.id,
          summary: { from: c.fromCategories.join(','), to: c.toCategories.join(','), reason: c.reason },
          order: 1,
        });
      }
      for (const s of services) {
        entries.push({
          at: s.date,
          kind: 'service',
          id: s.id,
          summary: {
            kind: s.kind,
            needId: s.needId,
            shiftId: s.shiftId,
            pledgeId: s.pledgeId,
            amountFen: s.amountFen,
            quantity: s.quantity,
            recordedBy: s.recordedBy,
          },
          order: 2,
        });
      }
      for (const a of assessments) {
        entries.push({ at: a.date, kind: 'assessment', id: a.id, summary: { kind: a.kind, score: a.score, concern: a.concern }, order: 2 });
      }
      const createdAt = new Set(consents.map((c) => c.createdAt.getTime()));
      for (const c of consents) {
        const base = { relation: c.relation, method: c.method, scopes: c.scopes.join(','), expiresAt: c.expiresAt?.toISOString() ?? null };
        entries.push({ at: c.givenAt.toISOString(), kind: 'consent', id: c.id, summary: { event: 'given', ...base }, order: 3 });
        if (c.withdrawnAt) {
          // Withdrawn at the moment a newer consent was recorded: that one replaced it.
          const event = createdAt.has(c.withdrawnAt.getTime()) ? 'replaced' : 'withdrawn';
          entries.push({ at: c.withdrawnAt.toISOString(), kind: 'consent', id: c.id, summary: { event, ...base }, order: 4 });
        }
      }
      if (child.status === 'exited' && child.exitedOn) {
        entries.push({ at: child.exitedOn, kind: 'exit', id: child.id, summary: { reason: child.exitReason }, order: 5 });
      }
      const day = (at: string) => at.slice(0, 10);
      entries.sort((a, b) =>
        day(a.at) !== day(b.at) ? (day(a.at) < day(b.at) ? 1 : -1) : b.order - a.order || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0),
      );
      return entries.map(({ order: _order, ...entry }) => entry);
    });
  }

  /** Amounts and quantities belong to the kinds that count them (the statistics sum them). */
  private checkAmounts(body: CreateServiceDto): void {
    if (AMOUNT_KINDS.includes(body.kind) && body.amountFen === undefined)
      throw invalid('amountFen', `is required for ${body.kind}`, 'required');
    if (!AMOUNT_KINDS.includes(body.kind) && body.amountFen !== undefined)
      throw invalid('amountFen', 'is only for cash_aid and grant', 'not_allowed');
    if (QUANTITY_REQUIRED.includes(body.kind) && body.quantity === undefined)
      throw invalid('quantity', `is required for ${body.kind}`, 'required');
    if (!QUANTITY_ALLOWED.includes(body.kind) && body.quantity !== undefined)
      throw invalid('quantity', 'is only for material_aid, stationery and free_lunch', 'not_allowed');
  }

  /** The organisation owning each linked need, shift and pledge; 400 naming the field when it does not exist. */
  private async linkOwners(principal: Principal, body: CreateServiceDto): Promise<Array<[string, string]>> {
    const owners: Array<[string, string]> = [];
    if (body.needId !== undefined) {
      const need = await this.needFacts.forGiving(body.needId);
      if (!need) throw invalid('needId', "must be a need of the child's organisation");
      owners.push(['needId', need.orgId]);
    }
    if (body.shiftId !== undefined) {
      const shift = await this.needFacts.facts(body.shiftId);
      if (!shift) throw invalid('shiftId', "must be a shift of the child's organisation");
      if (body.needId !== undefined && shift.needId !== body.needId) throw invalid('shiftId', 'must be a shift of needId');
      owners.push(['shiftId', shift.orgId]);
    }
    if (body.pledgeId !== undefined) {
      const parties = await this.pledges.partiesFor(principal, body.pledgeId).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      });
      if (!parties) throw invalid('pledgeId', "must be a pledge to the child's organisation");
      owners.push(['pledgeId', parties.orgId]);
    }
    return owners;
  }
}

/** The keyset of the services list: the last row's date and id. */
function encodeDateCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify([date, id])).toString('base64url');
}

function decodeDateCursor(cursor: string | undefined): { date: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [date, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
      throw new Error();
    return { date, id };
  } catch {
    throw ChildrenErrors.unknownCursor();
  }
}
