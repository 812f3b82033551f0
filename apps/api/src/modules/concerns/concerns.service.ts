import { Injectable } from '@nestjs/common';
import {
  isStatutoryConcern,
  type ConcernCategory,
  type ConcernListRow,
  type ConcernRaised,
  type ConcernStatusView,
  type ConcernView,
  type MembershipRole,
  type Page,
} from '@kindred/contracts';
import { grantOrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type OrgScopedTx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { ChildCipher, ChildFacts } from '../children';
import { VolunteerTies } from '../engagement';
import { OrganizationsService } from '../identity';
import { OutboxService } from '../live';
import type { ConcernEntity } from './concern.entity';
import { ConcernsErrors } from './concerns.errors';
import { isOverdue, toConcernListRow, toConcernStatusView, toConcernView } from './concern.view';
import { isConcernLead, isNgoMember, leadScopes, OVERDUE_AUDIENCE, RAISED_AUDIENCE } from './concerns.policy';
import { ConcernsRepository, type QueuePosition } from './concerns.repository';
import type { CloseConcernDto, RaiseConcernDto, ReportDecisionDto } from './dto/concerns.dto';

const HOUR_MS = 3600_000;
/** Acknowledgement deadlines (API.md): 1 h when the child is in immediate danger, 24 h otherwise. */
export const ACK_WITHIN_MS = { immediateDanger: HOUR_MS, otherwise: 24 * HOUR_MS } as const;

export function ackDueAt(raisedAt: Date, immediateDanger: boolean): Date {
  return new Date(raisedAt.getTime() + (immediateDanger ? ACK_WITHIN_MS.immediateDanger : ACK_WITHIN_MS.otherwise));
}

/** A concern being opened, in the caller's words (encrypted before it is stored). */
export interface ConcernInput {
  orgId: string;
  childId: string | null;
  childDescription: string | null;
  reporterUserId: string | null;
  category: ConcernCategory;
  description: string;
  immediateDanger: boolean;
  occurredAt: Date | null;
  location: string | null;
  source: ConcernEntity['source'];
}

function encodeQueueCursor(row: { rank: number; ackDueAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.rank, row.ackDueAt.toISOString(), row.id])).toString('base64url');
}

function decodeQueueCursor(cursor: string | undefined): QueuePosition | null {
  if (!cursor) return null;
  try {
    const [rank, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof rank !== 'number' || typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new Error();
    return { rank, ackDueAt: at, id };
  } catch {
    throw ConcernsErrors.invalid('cursor', 'is not a cursor this list gave out', 'invalid');
  }
}

/**
 * Safeguarding concerns (R6): raising, the NGO's queue, acknowledgement, the
 * police-report decision and closing; each step audited (ids and codes, never
 * the text) and the NGO's leads told live in the same transaction.
 */
@Injectable()
export class ConcernsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly concerns: ConcernsRepository,
    private readonly cipher: ChildCipher,
    private readonly childFacts: ChildFacts,
    private readonly ties: VolunteerTies,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async raise(principal: Principal, body: RaiseConcernDto): Promise<ConcernRaised> {
    const orgId = body.organizationId;
    if (body.childId === undefined && body.childDescription === undefined) {
      throw ConcernsErrors.invalid('childDescription', 'is required when no childId is given', 'required');
    }
    if (body.childId !== undefined && body.childDescription !== undefined) {
      throw ConcernsErrors.invalid('childDescription', 'must be left out when childId is given', 'not_allowed');
    }
    const occurredAt = body.occurredAt === undefined ? null : new Date(body.occurredAt);
    if (occurredAt && occurredAt.getTime() > Date.now() + 60_000) {
      throw ConcernsErrors.invalid('occurredAt', 'must not be in the future', 'in_the_future');
    }
    const mayRaise = isNgoMember(principal, orgId) || (await this.ties.hasConfirmedSignup(principal.userId, orgId));
    if (!mayRaise) throw DomainError.notFound('Organization');
    const leads = await this.leadsOf(orgId);
    return this.tx.runScoped(grantOrgScope(orgId), async (tx) => {
      if (body.childId !== undefined && !(await this.childFacts.belongsTo(tx, orgId, body.childId))) {
        throw ConcernsErrors.childNotOfOrganisation();
      }
      const concern = await this.open(
        tx,
        {
          orgId,
          childId: body.childId ?? null,
          childDescription: body.childDescription ?? null,
          reporterUserId: principal.userId,
          category: body.category,
          description: body.description,
          immediateDanger: body.immediateDanger ?? false,
          occurredAt,
          location: body.location ?? null,
          source: 'manual',
        },
        leads,
      );
      return { id: concern.id, status: 'open', ackDueAt: concern.ackDueAt.toISOString() };
    });
  }

  /**
   * Opens a concern in the caller's transaction (bound to `input.orgId`),
   * audits it and tells `leads` (the NGO's owners and coordinators) live.
   */
  async open(tx: OrgScopedTx, input: ConcernInput, leads?: Map<string, MembershipRole>): Promise<ConcernEntity> {
    const concern = await this.concerns.insert(tx, {
      orgId: input.orgId,
      childId: input.childId,
      childDescriptionEnc: this.cipher.encryptNullable(input.childDescription),
      reporterUserId: input.reporterUserId,
      category: input.category,
      descriptionEnc: this.cipher.encrypt(input.description),
      immediateDanger: input.immediateDanger,
      occurredAt: input.occurredAt,
      locationEnc: this.cipher.encryptNullable(input.location),
      ackDueAt: ackDueAt(new Date(), input.immediateDanger),
      source: input.source,
    });
    await this.audit.record(tx, {
      action: 'concern.raised',
      entityType: 'concern',
      entityId: concern.id,
      orgId: input.orgId,
      actorUserId: input.reporterUserId,
      diff: {
        category: input.category,
        immediateDanger: input.immediateDanger,
        source: input.source,
        childId: input.childId,
        ackDueAt: concern.ackDueAt.toISOString(),
      },
    });
    const audience = leads ?? (await this.leadsOf(input.orgId));
    await this.outbox.emit(
      tx,
      'concern.raised',
      {
        concernId: concern.id,
        organizationId: input.orgId,
        category: input.category,
        immediateDanger: input.immediateDanger,
        ackDueAt: concern.ackDueAt.toISOString(),
      },
      { userIds: this.withRoles(audience, RAISED_AUDIENCE) },
    );
    return concern;
  }

  /** The NGO's queue (owners and coordinators): open first by deadline; announces newly overdue ones to the owners. */
  async list(
    principal: Principal,
    orgId: string,
    query: { status?: ConcernListRow['status']; cursor?: string; limit?: number },
  ): Promise<Page<ConcernListRow>> {
    if (!isConcernLead(principal, orgId)) throw DomainError.notFound('Organization');
    const after = decodeQueueCursor(query.cursor);
    const limit = query.limit ?? 50;
    const leads = await this.leadsOf(orgId);
    return this.tx.runScoped(grantOrgScope(orgId), async (tx) => {
      const now = new Date();
      await this.announceOverdue(tx, orgId, now, leads);
      const { rows, total } = await this.concerns.page(tx, orgId, query.status ?? null, after, limit + 1);
      const pageRows = rows.slice(0, limit);
      const aliases = await this.childFacts.aliases(
        tx,
        pageRows.flatMap((r) => (r.childId ? [r.childId] : [])),
      );
      const last = pageRows[pageRows.length - 1];
      return {
        data: pageRows.map((r) => toConcernListRow(r, r.childId ? (aliases.get(r.childId) ?? null) : null, now)),
        nextCursor: rows.length > limit && last ? encodeQueueCursor(last) : null,
        total,
      };
    });
  }

  /**
   * Until the worker's scheduler does it: every open concern found past its
   * deadline is marked and announced (`concern.overdue`, owners only) once,
   * in the transaction that finds it.
   */
  private async announceOverdue(tx: OrgScopedTx, orgId: string, now: Date, leads: Map<string, MembershipRole>): Promise<void> {
    const overdue = await this.concerns.markOverdue(tx, orgId, now);
    for (const c of overdue) {
      await this.audit.record(tx, {
        action: 'concern.overdue',
        entityType: 'concern',
        entityId: c.id,
        orgId,
        actorUserId: null,
        diff: { ackDueAt: c.ackDueAt.toISOString() },
      });
      await this.outbox.emit(
        tx,
        'concern.overdue',
        {
          concernId: c.id,
          organizationId: orgId,
          category: c.category,
          immediateDanger: c.immediateDanger,
          ackDueAt: c.ackDueAt.toISOString(),
        },
        { userIds: this.withRoles(leads, OVERDUE_AUDIENCE) },
      );
    }
  }

  /** Owners and coordinators: everything (the read audited); the reporter: the status; anyone else 404. */
  async get(principal: Principal, id: string): Promise<ConcernView | ConcernStatusView> {
    return this.tx.runScoped(leadScopes(principal), async (tx) => {
      await this.concerns.bindReporter(tx, principal.userId);
      const concern = await this.concerns.find(tx, id);
      if (!concern) throw DomainError.notFound('Concern');
      if (isConcernLead(principal, concern.orgId)) {
        await this.audit.record(tx, {
          action: 'concern.read',
          entityType: 'concern',
          entityId: concern.id,
          orgId: concern.orgId,
          actorUserId: principal.userId,
          diff: { fields: ['description', 'childDescription', 'location', 'reportDecision', 'outcome'] },
        });
        return this.fullView(tx, concern);
      }
      if (concern.reporterUserId === principal.userId) return toConcernStatusView(concern);
      throw DomainError.notFound('Concern');
    });
  }

  /** The concerns the caller raised, anywhere: status only. */
  async mine(principal: Principal): Promise<{ data: ConcernStatusView[] }> {
    return this.tx.runScoped([], async (tx) => {
      await this.concerns.bindReporter(tx, principal.userId);
      return { data: (await this.concerns.mine(tx, principal.userId, 200)).map(toConcernStatusView) };
    });
  }

  async acknowledge(principal: Principal, id: string): Promise<ConcernView> {
    return this.change(principal, id, async (tx, concern) => {
      if (concern.status !== 'open') {
        throw ConcernsErrors.notOpen(concern.status);
      }
      const now = new Date();
      const updated = await this.concerns.update(tx, id, { status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: principal.userId });
      await this.audit.record(tx, {
        action: 'concern.acknowledged',
        entityType: 'concern',
        entityId: id,
        orgId: concern.orgId,
        actorUserId: principal.userId,
        diff: { from: concern.status, to: 'acknowledged', overdue: isOverdue(concern, now) },
      });
      return updated;
    });
  }

  async reportDecision(principal: Principal, id: string, body: ReportDecisionDto): Promise<ConcernView> {
    if (body.reportedToAuthorities && body.authority === undefined) {
      throw ConcernsErrors.invalid('authority', 'is required when the concern was reported to the authorities', 'required');
    }
    if (!body.reportedToAuthorities && body.reason === undefined) {
      throw ConcernsErrors.invalid('reason', 'is required when the concern was not reported', 'required');
    }
    return this.change(principal, id, async (tx, concern) => {
      if (concern.status === 'closed') throw ConcernsErrors.closed();
      const updated = await this.concerns.update(tx, id, {
        reportedToAuthorities: body.reportedToAuthorities,
        reportAuthority: body.authority ?? null,
        reportReference: body.reference ?? null,
        reportReasonEnc: this.cipher.encryptNullable(body.reason),
        reportDecidedAt: new Date(),
        reportDecidedBy: principal.userId,
      });
      await this.audit.record(tx, {
        action: 'concern.report_decided',
        entityType: 'concern',
        entityId: id,
        orgId: concern.orgId,
        actorUserId: principal.userId,
        diff: {
          reportedToAuthorities: body.reportedToAuthorities,
          withReference: body.reference !== undefined,
          replaced: concern.reportedToAuthorities !== null,
        },
      });
      return updated;
    });
  }

  async close(principal: Principal, id: string, body: CloseConcernDto): Promise<ConcernView> {
    return this.change(principal, id, async (tx, concern) => {
      if (concern.status === 'closed') throw ConcernsErrors.alreadyClosed();
      if (isStatutoryConcern(concern.category) && concern.reportedToAuthorities === null) {
        throw ConcernsErrors.reportDecisionRequired();
      }
      const now = new Date();
      const updated = await this.concerns.update(tx, id, {
        status: 'closed',
        closedAt: now,
        closedBy: principal.userId,
        outcomeEnc: this.cipher.encrypt(body.outcome),
        // Closing handles the concern: one never acknowledged is acknowledged by the same step.
        ...(concern.acknowledgedAt === null ? { acknowledgedAt: now, acknowledgedBy: principal.userId } : {}),
      });
      await this.audit.record(tx, {
        action: 'concern.closed',
        entityType: 'concern',
        entityId: id,
        orgId: concern.orgId,
        actorUserId: principal.userId,
        diff: { from: concern.status, to: 'closed', reportedToAuthorities: concern.reportedToAuthorities },
      });
      return updated;
    });
  }

  /** Locks a concern of an NGO the caller leads (anyone else: 404), applies `work`, answers the full view. */
  private change(
    principal: Principal,
    id: string,
    work: (tx: OrgScopedTx, concern: ConcernEntity) => Promise<ConcernEntity>,
  ): Promise<ConcernView> {
    const scopes = leadScopes(principal);
    if (scopes.length === 0) throw DomainError.notFound('Concern');
    return this.tx.runScoped(scopes, async (tx) => {
      const concern = await this.concerns.lock(tx, id);
      if (!concern || !isConcernLead(principal, concern.orgId)) throw DomainError.notFound('Concern');
      return this.fullView(tx, await work(tx, concern));
    });
  }

  private async fullView(tx: OrgScopedTx, concern: ConcernEntity): Promise<ConcernView> {
    const alias = concern.childId ? ((await this.childFacts.aliases(tx, [concern.childId])).get(concern.childId) ?? null) : null;
    return toConcernView(concern, alias, this.cipher, new Date());
  }

  /** The NGO's members by role (read before the transaction: memberships are another context's). */
  private async leadsOf(orgId: string): Promise<Map<string, MembershipRole>> {
    const members = await this.organizations.membersAsSystem(orgId);
    return new Map(members.map((m) => [m.userId, m.role]));
  }

  private withRoles(members: Map<string, MembershipRole>, roles: readonly MembershipRole[]): string[] {
    return [...members].filter(([, role]) => roles.includes(role)).map(([userId]) => userId);
  }
}
