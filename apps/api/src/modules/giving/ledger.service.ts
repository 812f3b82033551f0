import { Injectable } from '@nestjs/common';
import type { LedgerEntryView, LedgerKind } from '@kindred/contracts';
import { grantOrgScope, type OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { ChangeRecorder } from '../live';
import type { CreateReceiptDto, CreateUsageDto } from './dto/ledger.dto';
import { EvidenceRepository } from './evidence.repository';
import { pledgeEvents } from './pledge-events';
import { PledgesRepository, type PledgeParties } from './pledges.repository';
import { pledgeRole, PledgesService } from './pledges.service';
import { GivingErrors } from './giving.errors';

/**
 * The giving ledger of a pledge: receipts, uses with their evidence, and reversals. Every movement of money or
 * goods is a conditional update (used ≤ received ≤ pledged, per line and in fen) plus an append-only ledger
 * entry, an audit entry and an outbox event, in one transaction. Only the receiving NGO's owners and
 * coordinators record them.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly pledges: PledgesRepository,
    private readonly pledgesService: PledgesService,
    private readonly evidence: EvidenceRepository,
    private readonly idempotency: IdempotencyService,
    private readonly changes: ChangeRecorder,
  ) {}

  async receive(principal: Principal, pledgeId: string, input: CreateReceiptDto): Promise<LedgerEntryView> {
    const { parties, scope } = await this.managed(principal, pledgeId);
    return this.transactions.run((tx) =>
      this.idempotency.once(tx, input, async () => {
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
        await this.changes.record(tx, {
          audit: {
            action: 'pledge.received',
            entityType: 'pledge',
            entityId: pledgeId,
            orgId: parties.orgId,
            diff: { entryId: entry.id, amountFen: input.amountFen ?? null, lines, status },
          },
          events: pledgeEvents('pledge.received', parties, { status }),
        });
        return {
          id: entry.id,
          pledgeId,
          kind: 'receipt' as const,
          amountFen: entry.amountFen,
          lines,
          occurredAt: entry.occurredAt.toISOString(),
          reversesId: null,
        };
      }),
    );
  }

  async use(principal: Principal, pledgeId: string, input: CreateUsageDto): Promise<LedgerEntryView> {
    const { parties, scope } = await this.managed(principal, pledgeId);
    return this.transactions.run((tx) =>
      this.idempotency.once(tx, input, async () => {
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
          throw GivingErrors.evidenceNotAttachable();
        }
        const status = await this.pledges.refreshStatus(tx, pledgeId);
        await this.changes.record(tx, {
          audit: {
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
          },
          events: pledgeEvents('pledge.used', parties, { status }),
        });
        return {
          id: entry.id,
          pledgeId,
          kind: 'usage' as const,
          amountFen: entry.amountFen,
          lines,
          occurredAt: entry.occurredAt.toISOString(),
          reversesId: null,
        };
      }),
    );
  }

  /** Corrects a receipt or a use by appending its negation; the original is never edited. */
  async reverse(principal: Principal, pledgeId: string, entryId: string, reason: string): Promise<LedgerEntryView> {
    const { parties, scope } = await this.managed(principal, pledgeId);
    return this.transactions.run(async (tx) => {
      const original = await this.pledges.entry(tx, scope, pledgeId, entryId);
      if (!original) throw DomainError.notFound('Ledger entry');
      if (original.entry.reversesId) throw GivingErrors.reversalOfReversal();
      const kind = original.entry.kind;
      const amount = original.entry.amountFen;
      if (amount !== null && !(await this.pledges.moveFen(tx, scope, pledgeId, kind, -amount))) {
        throw GivingErrors.reversalRefused(kind);
      }
      for (const line of original.lines) {
        if (!(await this.pledges.moveLine(tx, scope, pledgeId, line.lineId, kind, -line.quantity))) {
          throw GivingErrors.reversalRefused(kind);
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
        if ((error as { code?: string }).code === '23505') throw GivingErrors.alreadyReversed();
        throw error;
      }
      const status = await this.pledges.refreshStatus(tx, pledgeId);
      await this.changes.record(tx, {
        audit: {
          action: `pledge.${kind}_reversed`,
          entityType: 'pledge',
          entityId: pledgeId,
          orgId: parties.orgId,
          diff: { entryId: entry.id, reverses: entryId, status },
        },
        events: pledgeEvents(kind === 'receipt' ? 'pledge.received' : 'pledge.used', parties, { status }),
      });
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

  private async managed(principal: Principal, pledgeId: string): Promise<{ parties: PledgeParties; scope: OrgScope }> {
    const parties = await this.pledgesService.partiesFor(principal, pledgeId);
    const role = pledgeRole(principal, parties);
    if (role !== 'ngo_manager' && role !== 'admin')
      throw DomainError.forbidden('Only owners and coordinators of the receiving NGO record receipts and uses');
    if (parties.cancelled) throw GivingErrors.pledgeCancelled();
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
    if (parties.kind === 'money') {
      if (amountFen === undefined || lines) throw GivingErrors.moneyMoveShape();
      if (!(await this.pledges.moveFen(tx, scope, parties.id, kind, amountFen))) {
        throw GivingErrors.exceeds(kind);
      }
      return [];
    }
    if (!lines || amountFen !== undefined) throw GivingErrors.goodsMoveShape();
    const stored = await this.pledges.get(parties.id, tx);
    const moved: Array<{ lineId: string; quantity: number }> = [];
    for (const [index, line] of lines.entries()) {
      const pledgeLine = stored!.lines.find((l) => l.itemId === line.itemId);
      if (!pledgeLine) throw GivingErrors.notALineOfPledge(index);
      if (moved.some((m) => m.lineId === pledgeLine.id)) throw GivingErrors.lineTwice(index);
      if (!(await this.pledges.moveLine(tx, scope, parties.id, pledgeLine.id, kind, line.quantity))) {
        throw GivingErrors.exceeds(kind, { index, name: pledgeLine.name });
      }
      moved.push({ lineId: pledgeLine.id, quantity: line.quantity });
    }
    return moved;
  }
}
