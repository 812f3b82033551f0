import { Injectable } from '@nestjs/common';
import type { Page, PledgeView } from '@kindred/contracts';
import { can, requireOrgScope } from '../../common/auth/abilities';
import { grantOrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { decodeKeyset, encodeKeyset, type KeysetPosition } from '../../common/http/keyset-cursor';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { ChangeRecorder } from '../live';
import { NeedFacts } from '../needs';
import type { CreatePledgeDto } from './dto/create-pledge.dto';
import type { ListPledgesDto } from './dto/list-pledges.dto';
import { toPledgeView } from './pledge.view';
import { pledgeEvents } from './pledge-events';
import { PledgesRepository, type PledgeParties } from './pledges.repository';
import { GivingErrors } from './giving.errors';

const fromKeyset = (p: KeysetPosition | null): { createdAt: string; id: string } | null => (p ? { createdAt: p.at, id: p.id } : null);

const GIVABLE_NEED_STATUSES = new Set(['open', 'filled', 'in_progress']);

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
    private readonly needs: NeedFacts,
    private readonly idempotency: IdempotencyService,
    private readonly changes: ChangeRecorder,
  ) {}

  /**
   * Runs once per Idempotency-Key of the calling `@Idempotent()` route (POST /pledges, or an offer's acceptance,
   * which keys the pledge by the offer when its client sent no key: `fallbackKey`).
   */
  async create(principal: Principal, input: CreatePledgeDto, options: { fallbackKey?: string } = {}): Promise<PledgeView> {
    if (input.onBehalfOf) requireOrgScope(principal, 'give', 'CompanyGiving', input.onBehalfOf);
    const need = await this.needs.forGiving(input.needId);
    if (!need || need.orgStatus !== 'verified') throw DomainError.notFound('Need');
    if (!GIVABLE_NEED_STATUSES.has(need.status)) throw GivingErrors.needNotOpen();
    const lines = this.pledgeLines(input, need.items);
    return this.transactions.run((tx) =>
      this.idempotency.once(
        tx,
        input,
        async () => {
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
          await this.changes.record(tx, {
            audit: {
              action: 'pledge.created',
              entityType: 'pledge',
              entityId: pledge.id,
              orgId: need.orgId,
              diff: { kind: input.kind, amountFen: input.amountFen ?? null, lines: lines.length, onBehalfOf: input.onBehalfOf ?? null },
            },
            events: pledgeEvents(
              'pledge.created',
              {
                id: pledge.id,
                orgId: need.orgId,
                needId: need.id,
                donorUserId: principal.userId,
                onBehalfOfOrgId: input.onBehalfOf ?? null,
              },
              { kind: input.kind },
            ),
          });
          const stored = await this.pledges.get(pledge.id, tx);
          return toPledgeView(stored!.pledge, stored!.lines);
        },
        options,
      ),
    );
  }

  private pledgeLines(
    input: CreatePledgeDto,
    items: Array<{ id: string; name: string; unit: string; quantity: number }>,
  ): Array<{ itemId: string; name: string; unit: string; quantity: number }> {
    if (input.kind === 'money') {
      if (input.amountFen === undefined) throw GivingErrors.amountRequiredForMoney();
      if (input.lines) throw GivingErrors.linesNotAllowedForMoney();
      return [];
    }
    if (!input.lines) throw GivingErrors.linesRequiredForGoods();
    if (input.amountFen !== undefined) throw GivingErrors.amountNotAllowedForGoods();
    const seen = new Set<string>();
    return input.lines.map((line, index) => {
      const item = items.find((i) => i.id === line.itemId);
      if (!item) throw GivingErrors.notAnItemOfNeed(index);
      if (seen.has(line.itemId)) throw GivingErrors.lineTwice(index);
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
    if (view !== 'mine' && !query.organizationId) throw GivingErrors.organizationRequiredForView(view);
    const filter =
      view === 'mine'
        ? { donorUserId: principal.userId }
        : view === 'organization'
          ? { orgScope: requireOrgScope(principal, 'read', 'NgoWork', query.organizationId as string) }
          : { companyScope: requireOrgScope(principal, 'give', 'CompanyGiving', query.organizationId as string) };
    const rows = await this.pledges.page(
      { ...filter, needId: query.needId, status: query.status },
      limit + 1,
      fromKeyset(decodeKeyset(query.cursor)),
    );
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
      nextCursor: rows.length > limit && last ? encodeKeyset(last.createdAt, last.id) : null,
    };
  }

  /** The donor, the company pledged for, or the NGO may cancel a pledge of which nothing was received. */
  async cancel(principal: Principal, pledgeId: string, reason: string): Promise<PledgeView> {
    const parties = await this.partiesFor(principal, pledgeId);
    const role = pledgeRole(principal, parties);
    if (role === 'ngo_member') throw DomainError.forbidden('Only owners and coordinators of the NGO, or the donor, may cancel');
    return this.transactions.run(async (tx) => {
      if (!(await this.pledges.cancel(tx, pledgeId, principal.userId, reason))) {
        throw GivingErrors.cancelRefused(parties.cancelled);
      }
      await this.changes.record(tx, {
        audit: {
          action: 'pledge.cancelled',
          entityType: 'pledge',
          entityId: pledgeId,
          orgId: parties.orgId,
          diff: { by: role },
        },
        events: pledgeEvents('pledge.cancelled', parties, { status: 'cancelled' }),
      });
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
}
