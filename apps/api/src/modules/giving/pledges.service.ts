import { Injectable } from '@nestjs/common';
import type { LedgerEntryView, LedgerKind, Page, PledgeStatus, PledgeView } from '@kindred/contracts';
import { can, requireOrgScope } from '../../common/auth/abilities';
import { grantOrgScope, type OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AuditService } from '../audit';
import { OutboxService } from '../live';
import type { CreatePledgeDto } from './dto/create-pledge.dto';
import type { CreateReceiptDto, CreateUsageDto } from './dto/ledger.dto';
import type { ListPledgesDto } from './dto/list-pledges.dto';
import { NeedFacts } from './need-facts';
import { toPledgeView } from './pledge.view';
import { PledgesRepository, type PledgeParties } from './pledges.repository';
import { EvidenceRepository } from './evidence.repository';

const GIVABLE_NEED_STATUSES = new Set(['open', 'filled', 'in_progress']);

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw DomainError.validation([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
}

/** Who the caller is to a pledge; null when they are none of its parties. */
export function pledgeRole(
  principal: Principal,
  parties: PledgeParties,
): 'ngo_manager' | 'ngo_member' | 'donor' | 'company' | 'admin' | null {
  if (can(principal, 'coordinate', 'NgoWork', parties.orgId)) return principal.isPlatformAdmin ? 'admin' : 'ngo_manager';
  if (can(principal, 'read', 'NgoWork', parties.orgId)) return 'ngo_member';
  if (parties.donorUserId === principal.userId) return 'donor';
  if (parties.onBehalfOfOrgId && can(principal, 'give', 'CompanyGiving', parties.onBehalfOfOrgId)) return 'company';
  return null;
}

/**
 * Pledges and their ledger. Every movement of money or goods is a
 * conditional update (used ≤ received ≤ pledged, per line and in fen) plus an
 * append-only ledger entry, an audit entry and an outbox event, in one transaction.
 */
@Injectable()
export class PledgesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly pledges: PledgesRepository,
    private readonly evidence: EvidenceRepository,
    private readonly needs: NeedFacts,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async create(principal: Principal, input: CreatePledgeDto, idempotencyKey: string | null): Promise<PledgeView> {
    if (input.onBehalfOf) requireOrgScope(principal, 'give', 'CompanyGiving', input.onBehalfOf);
    const need = await this.needs.forGiving(input.needId);
    if (!need || need.orgStatus !== 'verified') throw DomainError.notFound('Need');
    if (!GIVABLE_NEED_STATUSES.has(need.status)) throw new DomainError('need_not_open', 'This need does not take pledges now');
    const lines = this.pledgeLines(input, need.items);
    return this.transactions.run((tx) =>
      this.idempotency.run(tx, { key: idempotencyKey, userId: principal.userId, operation: 'POST /pledges', body: input }, async () => {
        const scope = grantOrgScope(need.orgId);
        const pledge = await this.pledges.insert(
          tx,
          scope,
          {
            orgId: need.orgId,
            needId: need.id,
            programmeId: null,
            kind: input.kind,
            donorUserId: principal.userId,
            onBehalfOfOrgId: input.onBehalfOf ?? null,
            channel: input.channel ?? 'online_form',
            documentId: null,
            note: input.note ?? null,
            pledgedFen: input.kind === 'money' ? (input.amountFen as number) : null,
          },
          lines,
        );
        await this.audit.record(tx, {
          action: 'pledge.created',
          entityType: 'pledge',
          entityId: pledge.id,
          orgId: need.orgId,
          diff: { kind: input.kind, amountFen: input.amountFen ?? null, lines: lines.length, onBehalfOf: input.onBehalfOf ?? null },
        });
        await this.emit(
          tx,
          'pledge.created',
          { id: pledge.id, orgId: need.orgId, needId: need.id, donorUserId: principal.userId, onBehalfOfOrgId: input.onBehalfOf ?? null },
          { kind: input.kind },
        );
        const stored = await this.pledges.get(pledge.id, tx);
        return toPledgeView(stored!.pledge, stored!.lines);
      }),
    );
  }

  private pledgeLines(
    input: CreatePledgeDto,
    items: Array<{ id: string; name: string; unit: string; quantity: number }>,
  ): Array<{ itemId: string; name: string; unit: string; quantity: number }> {
    if (input.kind === 'money') {
      if (input.amountFen === undefined) throw DomainError.validation([{ field: 'amountFen', message: 'is required for a money pledge' }]);
      if (input.lines) throw DomainError.validation([{ field: 'lines', message: 'must be absent for a money pledge' }]);
      return [];
    }
    if (!input.lines) throw DomainError.validation([{ field: 'lines', message: 'are required for a goods pledge' }]);
    if (input.amountFen !== undefined) throw DomainError.validation([{ field: 'amountFen', message: 'must be absent for a goods pledge' }]);
    const seen = new Set<string>();
    return input.lines.map((line, index) => {
      const item = items.find((i) => i.id === line.itemId);
      if (!item) throw DomainError.validation([{ field: `lines.${index}.itemId`, message: 'is not an item of this need' }]);
      if (seen.has(line.itemId)) throw DomainError.validation([{ field: `lines.${index}.itemId`, message: 'appears twice' }]);
      seen.add(line.itemId);
      return { itemId: item.id, name: item.name, unit: item.unit, quantity: line.quantity };
    });
  }

  async get(principal: Principal, id: string): Promise<PledgeView> {
    await this.partiesFor(principal, id);
    const stored = await this.pledges.get(id);
    return toPledgeView(stored!.pledge, stored!.lines);
  }

  async list(principal: Principal, query: ListPledgesDto): Promise<Page<PledgeView>> {
    const view = query.view ?? 'mine';
    const limit = query.limit ?? 50;
    if (view !== 'mine' && !query.organizationId)
      throw DomainError.validation([{ field: 'organizationId', message: `is required for view=${view}` }]);
    const filter =
      view === 'mine'
        ? { donorUserId: principal.userId }
        : view === 'organization'
          ? { orgScope: requireOrgScope(principal, 'read', 'NgoWork', query.organizationId as string) }
          : { companyScope: requireOrgScope(principal, 'give', 'CompanyGiving', query.organizationId as string) };
    const rows = await this.pledges.page({ ...filter, needId: query.needId, status: query.status }, limit + 1, decodeCursor(query.cursor));
    const page = rows.slice(0, limit);
    const views = await Promise.all(
      page.map(async (p) => {
        const stored = (await this.pledges.get(p.id))!;
        return toPledgeView(stored.pledge, stored.lines);
      }),
    );
    const last = page[page.length - 1];
    return {
      data: views,
      nextCursor:
        rows.length > limit && last ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url') : null,
    };
  }

  async receive(principal: Principal, pledgeId: string, input: CreateReceiptDto, idempotencyKey: string | null): Promise<LedgerEntryView> {
    const { parties, scope } = await this.managed(principal, pledgeId);
    return this.transactions.run((tx) =>
      this.idempotency.run(
        tx,
        { key: idempotencyKey, userId: principal.userId, operation: `POST /pledges/${pledgeId}/receipts`, body: input },
        async () => {
          const lines = await this.move(tx, scope, parties, 'receipt', input.amountFen, input.lines);
          const entry = await this.pledges.insertEntry(
            tx,
            scope,
            {
              pledgeId,
              kind: 'receipt',
              amountFen: input.amountFen ?? null,
              receiptNumber: input.receiptNumber ?? null,
              description: null,
              beneficiaryCount: null,
              beneficiaries: null,
              placeRegionCode: null,
              occurredAt: input.receivedAt ? new Date(input.receivedAt) : new Date(),
              recordedBy: principal.userId,
              reversesId: null,
              reversalReason: null,
            },
            lines,
          );
          const status = await this.pledges.refreshStatus(tx, pledgeId);
          await this.audit.record(tx, {
            action: 'pledge.received',
            entityType: 'pledge',
            entityId: pledgeId,
            orgId: parties.orgId,
            diff: { entryId: entry.id, amountFen: input.amountFen ?? null, lines, status },
          });
          await this.emit(tx, 'pledge.received', parties, { status });
          return {
            id: entry.id,
            pledgeId,
            kind: 'receipt' as const,
            amountFen: entry.amountFen,
            lines,
            occurredAt: entry.occurredAt.toISOString(),
            reversesId: null,
          };
        },
      ),
    );
  }

  async use(principal: Principal, pledgeId: string, input: CreateUsageDto, idempotencyKey: string | null): Promise<LedgerEntryView> {
    const { parties, scope } = await this.managed(principal, pledgeId);
    return this.transactions.run((tx) =>
      this.idempotency.run(
        tx,
        { key: idempotencyKey, userId: principal.userId, operation: `POST /pledges/${pledgeId}/usages`, body: input },
        async () => {
          const lines = await this.move(tx, scope, parties, 'usage', input.amountFen, input.lines);
          const entry = await this.pledges.insertEntry(
            tx,
            scope,
            {
              pledgeId,
              kind: 'usage',
              amountFen: input.amountFen ?? null,
              receiptNumber: null,
              description: input.description,
              beneficiaryCount: input.beneficiaryCount,
              beneficiaries: input.beneficiaries ?? null,
              placeRegionCode: input.placeRegionCode ?? null,
              occurredAt: new Date(input.usedAt),
              recordedBy: principal.userId,
              reversesId: null,
              reversalReason: null,
            },
            lines,
          );
          const evidenceIds = [...new Set(input.evidenceIds ?? [])];
          if ((await this.evidence.attach(tx, scope, evidenceIds, entry.id)) !== evidenceIds.length) {
            throw DomainError.validation([
              { field: 'evidenceIds', message: "must be this organisation's uploaded files not yet attached to another use" },
            ]);
          }
          const status = await this.pledges.refreshStatus(tx, pledgeId);
          await this.audit.record(tx, {
            action: 'pledge.used',
            entityType: 'pledge',
            entityId: pledgeId,
            orgId: parties.orgId,
            diff: {
              entryId: entry.id,
              amountFen: input.amountFen ?? null,
              lines,
              beneficiaryCount: input.beneficiaryCount,
              evidence: evidenceIds.length,
              status,
            },
          });
          await this.emit(tx, 'pledge.used', parties, { status });
          return {
            id: entry.id,
            pledgeId,
            kind: 'usage' as const,
            amountFen: entry.amountFen,
            lines,
            occurredAt: entry.occurredAt.toISOString(),
            reversesId: null,
          };
        },
      ),
    );
  }

  /** Corrects a receipt or a use by appending its negation; the original is never edited. */
  async reverse(principal: Principal, pledgeId: string, entryId: string, reason: string): Promise<LedgerEntryView> {
    const { parties, scope } = await this.managed(principal, pledgeId);
    return this.transactions.run(async (tx) => {
      const original = await this.pledges.entry(tx, scope, pledgeId, entryId);
      if (!original) throw DomainError.notFound('Ledger entry');
      if (original.entry.reversesId) throw new DomainError('conflict', 'A reversal cannot itself be reversed');
      const kind = original.entry.kind;
      const amount = original.entry.amountFen;
      if (amount !== null && !(await this.pledges.moveFen(tx, scope, pledgeId, kind, -amount))) {
        throw new DomainError(
          kind === 'receipt' ? 'exceeds_received' : 'conflict',
          kind === 'receipt' ? 'Part of this receipt is already used; reverse those uses first' : 'This use cannot be reversed',
        );
      }
      for (const line of original.lines) {
        if (!(await this.pledges.moveLine(tx, scope, pledgeId, line.lineId, kind, -line.quantity))) {
          throw new DomainError(
            kind === 'receipt' ? 'exceeds_received' : 'conflict',
            'Part of this receipt is already used; reverse those uses first',
          );
        }
      }
      const lines = original.lines.map((l) => ({ lineId: l.lineId, quantity: -l.quantity }));
      let entry;
      try {
        entry = await this.pledges.insertEntry(
          tx,
          scope,
          {
            pledgeId,
            kind,
            amountFen: amount === null ? null : -amount,
            receiptNumber: null,
            description: null,
            beneficiaryCount: null,
            beneficiaries: null,
            placeRegionCode: null,
            occurredAt: new Date(),
            recordedBy: principal.userId,
            reversesId: entryId,
            reversalReason: reason,
          },
          lines,
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new DomainError('conflict', 'This entry was already reversed');
        throw error;
      }
      const status = await this.pledges.refreshStatus(tx, pledgeId);
      await this.audit.record(tx, {
        action: `pledge.${kind}_reversed`,
        entityType: 'pledge',
        entityId: pledgeId,
        orgId: parties.orgId,
        diff: { entryId: entry.id, reverses: entryId, status },
      });
      await this.emit(tx, kind === 'receipt' ? 'pledge.received' : 'pledge.used', parties, { status });
      return {
        id: entry.id,
        pledgeId,
        kind,
        amountFen: entry.amountFen,
        lines,
        occurredAt: entry.occurredAt.toISOString(),
        reversesId: entryId,
      };
    });
  }

  /** The donor, the company pledged for, or the NGO may cancel a pledge of which nothing was received. */
  async cancel(principal: Principal, pledgeId: string, reason: string): Promise<PledgeView> {
    const parties = await this.partiesFor(principal, pledgeId);
    const role = pledgeRole(principal, parties);
    if (role === 'ngo_member') throw DomainError.forbidden('Only owners and coordinators of the NGO, or the donor, may cancel');
    return this.transactions.run(async (tx) => {
      if (!(await this.pledges.cancel(tx, pledgeId, principal.userId, reason))) {
        throw new DomainError(
          parties.cancelled ? 'pledge_cancelled' : 'conflict',
          parties.cancelled ? 'This pledge is already cancelled' : 'Part of this pledge was received; reverse the receipts first',
        );
      }
      await this.audit.record(tx, {
        action: 'pledge.cancelled',
        entityType: 'pledge',
        entityId: pledgeId,
        orgId: parties.orgId,
        diff: { by: role },
      });
      await this.emit(tx, 'pledge.cancelled', parties, { status: 'cancelled' });
      const stored = await this.pledges.get(pledgeId, tx);
      return toPledgeView(stored!.pledge, stored!.lines);
    });
  }

  /** The pledge's parties, or 404 for anyone who is not one of them. */
  async partiesFor(principal: Principal, pledgeId: string): Promise<PledgeParties> {
    const parties = await this.pledges.parties(pledgeId);
    if (!parties || !pledgeRole(principal, parties)) throw DomainError.notFound('Pledge');
    return parties;
  }

  private async managed(principal: Principal, pledgeId: string): Promise<{ parties: PledgeParties; scope: OrgScope }> {
    const parties = await this.partiesFor(principal, pledgeId);
    const role = pledgeRole(principal, parties);
    if (role !== 'ngo_manager' && role !== 'admin')
      throw DomainError.forbidden('Only owners and coordinators of the receiving NGO record receipts and uses');
    if (parties.cancelled) throw new DomainError('pledge_cancelled', 'This pledge was cancelled');
    return { parties, scope: grantOrgScope(parties.orgId) };
  }

  /** Applies one receipt or use to the pledge's totals; refuses it whole if any part would break used ≤ received ≤ pledged. */
  private async move(
    tx: Tx,
    scope: OrgScope,
    parties: PledgeParties,
    kind: LedgerKind,
    amountFen: number | undefined,
    lines: Array<{ itemId: string; quantity: number }> | undefined,
  ): Promise<Array<{ lineId: string; quantity: number }>> {
    const code = kind === 'receipt' ? 'exceeds_pledged' : 'exceeds_received';
    const what = kind === 'receipt' ? 'more than was pledged' : 'more than was received';
    if (parties.kind === 'money') {
      if (amountFen === undefined || lines)
        throw DomainError.validation([{ field: 'amountFen', message: 'is required (and lines absent) for a money pledge' }]);
      if (!(await this.pledges.moveFen(tx, scope, parties.id, kind, amountFen))) {
        throw new DomainError(code, `This would record ${what}`, [{ field: 'amountFen', message: what }]);
      }
      return [];
    }
    if (!lines || amountFen !== undefined)
      throw DomainError.validation([{ field: 'lines', message: 'are required (and amountFen absent) for a goods pledge' }]);
    const stored = await this.pledges.get(parties.id, tx);
    const moved: Array<{ lineId: string; quantity: number }> = [];
    for (const [index, line] of lines.entries()) {
      const pledgeLine = stored!.lines.find((l) => l.itemId === line.itemId);
      if (!pledgeLine) throw DomainError.validation([{ field: `lines.${index}.itemId`, message: 'is not a line of this pledge' }]);
      if (moved.some((m) => m.lineId === pledgeLine.id))
        throw DomainError.validation([{ field: `lines.${index}.itemId`, message: 'appears twice' }]);
      if (!(await this.pledges.moveLine(tx, scope, parties.id, pledgeLine.id, kind, line.quantity))) {
        throw new DomainError(code, `This would record ${what} of ${pledgeLine.name}`, [
          { field: `lines.${index}.quantity`, message: what },
        ]);
      }
      moved.push({ lineId: pledgeLine.id, quantity: line.quantity });
    }
    return moved;
  }

  private async emit(
    tx: Tx,
    type: 'pledge.created' | 'pledge.received' | 'pledge.used' | 'pledge.cancelled',
    parties: Pick<PledgeParties, 'id' | 'orgId' | 'needId' | 'donorUserId' | 'onBehalfOfOrgId'>,
    extra: { status?: PledgeStatus; kind?: string },
  ): Promise<void> {
    const audience = {
      orgIds: [parties.orgId, ...(parties.onBehalfOfOrgId ? [parties.onBehalfOfOrgId] : [])],
      needId: parties.needId,
      userIds: [parties.donorUserId],
    };
    if (type === 'pledge.created') {
      await this.outbox.emit(
        tx,
        type,
        { pledgeId: parties.id, needId: parties.needId, organizationId: parties.orgId, kind: extra.kind ?? '' },
        audience,
      );
    } else {
      await this.outbox.emit(tx, type, { pledgeId: parties.id, needId: parties.needId, status: extra.status ?? 'pledged' }, audience);
    }
    if (parties.needId) {
      await this.outbox.emit(
        tx,
        'need.coverage_updated',
        { needId: parties.needId, organizationId: parties.orgId },
        { orgIds: [parties.orgId], needId: parties.needId },
      );
    }
  }
}
