import { Injectable } from '@nestjs/common';
import { can, requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AuditService } from '../audit';
import { PledgesService } from '../giving';
import { OrganizationsService } from '../identity';
import { NeedsService } from '../needs';
import { CandidateGenerationRepository } from './candidate-generation.repository';
import { assertCoordinates } from './coordinator-access';
import type { AcceptOfferDto, CreateOfferDto } from './dto/offer.dto';
import type { GoodsOfferEntity } from './goods-offer.entity';
import { scoreGoods, type GoodsMatch } from './goods-scoring';
import { itemKey, itemLikePatterns, matchItems } from './item-names';
import { MATCHING } from './matching.config';
import type { AcceptedOfferView, NeedOfferMatchView, OfferNeedMatchView, OfferView, PledgeView, RankedPage } from '@kindred/contracts';
import { toOfferView } from './matching.view';
import { OffersRepository } from './offers.repository';
import { MatchingErrors } from './matching.errors';

/** An offer may stand for up to two years; longer than that it is no longer a real offer. */
const MAX_OFFER_DAYS = 731;

const locationOf = (o: { lat: number | null; lng: number | null }): { lat: number; lng: number } | null =>
  o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null;

/**
 * Goods offers: donors post what they can give; matching ranks open goods
 * needs for an offer and open offers for a need; accepting makes the offer a
 * goods pledge through giving (PledgesService), and the offer is used.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly offers: OffersRepository,
    private readonly generation: CandidateGenerationRepository,
    private readonly needs: NeedsService,
    private readonly organizations: OrganizationsService,
    private readonly pledges: PledgesService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The donor, or an owner or CSR manager of the company the offer is for (a platform administrator is neither). */
  private owns(principal: Principal, offer: GoodsOfferEntity): boolean {
    if (offer.donorUserId === principal.userId) return true;
    const companyId = offer.onBehalfOfOrgId;
    return (
      companyId !== null &&
      principal.memberships.some((m) => m.organizationId === companyId) &&
      can(principal, 'give', 'CompanyGiving', companyId)
    );
  }

  private async readable(principal: Principal, id: string): Promise<GoodsOfferEntity> {
    const offer = await this.offers.findById(id);
    if (!offer || !(this.owns(principal, offer) || principal.isPlatformAdmin)) throw DomainError.notFound('Offer');
    return offer;
  }

  async create(principal: Principal, input: CreateOfferDto): Promise<OfferView> {
    if (input.onBehalfOf) requireOrgScope(principal, 'give', 'CompanyGiving', input.onBehalfOf);
    const until = new Date(input.until);
    const now = Date.now();
    if (until.getTime() <= now) throw MatchingErrors.untilNotFuture();
    if (until.getTime() > now + MAX_OFFER_DAYS * 86_400_000)
      throw MatchingErrors.untilTooFar();
    return this.transactions.run(async (tx) => {
      const offer = await this.offers.insert(tx, {
        donorUserId: principal.userId,
        onBehalfOfOrgId: input.onBehalfOf ?? null,
        itemName: input.item,
        itemKey: itemKey(input.item),
        unit: input.unit,
        quantity: input.quantity,
        regionCode: input.regionCode,
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        availableUntil: until,
        note: input.note ?? null,
      });
      await this.audit.record(tx, {
        action: 'offer.created',
        entityType: 'goods_offer',
        entityId: offer.id,
        orgId: offer.onBehalfOfOrgId,
        diff: { itemKey: offer.itemKey, unit: offer.unit, quantity: offer.quantity, regionCode: offer.regionCode },
      });
      return toOfferView(offer);
    });
  }

  async mine(principal: Principal): Promise<{ data: OfferView[] }> {
    const companies = principal.memberships.filter(
      (m) => m.organizationKind === 'company' && can(principal, 'give', 'CompanyGiving', m.organizationId),
    );
    const offers = await this.offers.mine(
      principal.userId,
      companies.map((m) => m.organizationId),
      MATCHING.page.maxLimit,
    );
    return { data: offers.map(toOfferView) };
  }

  /** Open goods needs ranked for one of the caller's offers. */
  async matchesForOffer(
    principal: Principal,
    id: string,
    limit: number = MATCHING.page.defaultLimit,
  ): Promise<RankedPage<OfferNeedMatchView>> {
    const offer = await this.readable(principal, id);
    const page = { data: [], nextCursor: null, modelVersion: MATCHING.modelVersion };
    if (offer.status !== 'open' || offer.availableUntil.getTime() <= Date.now()) return page;
    const hiddenOrgIds = await this.organizations.idsWithStatusAsSystem('suspended');
    const lines = await this.generation.goodsLinesMatching({
      patterns: itemLikePatterns(offer.itemName),
      hiddenOrgIds,
      regionCode: offer.regionCode,
      limit: MATCHING.goods.candidateLines,
    });
    const scored = lines
      .map((line) => ({
        line,
        match: scoreGoods({
          offer: {
            itemName: offer.itemName,
            unit: offer.unit,
            quantity: offer.quantity,
            regionCode: offer.regionCode,
            location: locationOf(offer),
          },
          line: { name: line.name, unit: line.unit, needed: line.needed, pledged: line.pledged },
          need: { regionCode: line.region_code, location: locationOf(line) },
        }),
      }))
      .filter((s): s is { line: (typeof lines)[number]; match: GoodsMatch } => s.match !== null)
      .sort(
        (a, b) =>
          b.match.score - a.match.score || a.line.need_id.localeCompare(b.line.need_id) || a.line.item_id.localeCompare(b.line.item_id),
      )
      .slice(0, limit);
    const orgs = await this.organizations.summariesAsSystem(scored.map((s) => s.line.org_id));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return {
      ...page,
      data: scored.map(({ line, match }) => ({
        needId: line.need_id,
        organizationId: line.org_id,
        organizationName: orgName.get(line.org_id) ?? null,
        title: line.title,
        regionCode: line.region_code,
        itemId: line.item_id,
        item: line.name,
        unit: line.unit,
        needed: line.needed,
        pledged: line.pledged,
        outstanding: match.outstanding,
        score: match.score,
        reasons: match.reasons,
        actions: {
          accept: {
            method: 'POST',
            href: `/api/v1/offers/${offer.id}/accept`,
            body: { needId: line.need_id, lines: [{ itemId: line.item_id, quantity: match.covers }] },
          },
        },
      })),
    };
  }

  /** Open offers ranked for a need's goods lines (its coordinators): the best line per offer. */
  async offersForNeed(
    principal: Principal,
    needId: string,
    limit: number = MATCHING.page.defaultLimit,
  ): Promise<RankedPage<NeedOfferMatchView>> {
    const need = await this.needs.get(principal, needId);
    assertCoordinates(principal, need.organizationId);
    const page = { data: [], nextCursor: null, modelVersion: MATCHING.modelVersion };
    if (need.items.length === 0) return page;
    const [pledged, offers] = await Promise.all([
      this.generation.pledgedByItem(needId),
      this.offers.openWithKeys([...new Set(need.items.map((i) => itemKey(i.name)))], new Date(), MATCHING.goods.candidateLines),
    ]);
    const best = offers
      .map((offer) => {
        const candidates = need.items
          .filter((item) => matchItems(offer.itemName, item.name))
          .map((item) => ({
            item,
            match: scoreGoods({
              offer: {
                itemName: offer.itemName,
                unit: offer.unit,
                quantity: offer.quantity,
                regionCode: offer.regionCode,
                location: locationOf(offer),
              },
              line: { name: item.name, unit: item.unit, needed: item.quantity, pledged: pledged.get(item.id) ?? 0 },
              need: { regionCode: need.regionCode, location: need.location },
            }),
          }))
          .filter((c): c is { item: (typeof need.items)[number]; match: GoodsMatch } => c.match !== null)
          .sort((a, b) => b.match.score - a.match.score || a.item.id.localeCompare(b.item.id));
        return candidates[0] ? { offer, ...candidates[0] } : null;
      })
      .filter((x): x is NonNullable<typeof x> => x !== null)
      .sort((a, b) => b.match.score - a.match.score || a.offer.id.localeCompare(b.offer.id))
      .slice(0, limit);
    const companies = await this.organizations.summariesAsSystem(
      best.flatMap((b) => (b.offer.onBehalfOfOrgId ? [b.offer.onBehalfOfOrgId] : [])),
    );
    const companyName = new Map(companies.map((c) => [c.id, c.name]));
    return {
      ...page,
      data: best.map(({ offer, item, match }) => ({
        offerId: offer.id,
        item: offer.itemName,
        unit: offer.unit,
        quantity: offer.quantity,
        regionCode: offer.regionCode,
        until: offer.availableUntil.toISOString(),
        donor: offer.onBehalfOfOrgId
          ? { kind: 'company', organizationName: companyName.get(offer.onBehalfOfOrgId) ?? null }
          : { kind: 'person', organizationName: null },
        itemId: item.id,
        itemName: item.name,
        outstanding: match.outstanding,
        score: match.score,
        reasons: match.reasons,
      })),
    };
  }

  /**
   * Turns the offer into a goods pledge to the need, through giving's own
   * rules (need open, lines of this need, idempotency). The offer is reserved
   * first (so a second acceptance is refused), the pledge is created outside
   * that transaction (giving opens its own), then the offer is marked used;
   * a failed pledge gives the reservation back. A retry with the same
   * Idempotency-Key after success returns the same pledge.
   */
  async accept(principal: Principal, id: string, input: AcceptOfferDto): Promise<AcceptedOfferView> {
    const offer = await this.offers.findById(id);
    if (!offer || !this.owns(principal, offer)) throw DomainError.notFound('Offer');
    // Without a client key the offer's own id keys the pledge, so a retry after a crash cannot pledge twice.
    const idempotencyKey = this.idempotency.routeKey();
    const fallbackKey = `offer-accept:${offer.id}`;
    const key = idempotencyKey ?? fallbackKey;
    const pledgeInput = {
      needId: input.needId,
      kind: 'goods' as const,
      lines: input.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
      ...(offer.onBehalfOfOrgId ? { onBehalfOf: offer.onBehalfOfOrgId } : {}),
      ...(input.note ? { note: input.note } : {}),
    };
    if (offer.status === 'used') {
      if (idempotencyKey && offer.acceptKey === idempotencyKey) {
        return { offer: toOfferView(offer), pledge: await this.pledges.create(principal, pledgeInput, { fallbackKey }) };
      }
      throw MatchingErrors.offerAccepted();
    }
    if (offer.status === 'withdrawn') throw MatchingErrors.offerWithdrawn();
    if (offer.availableUntil.getTime() <= Date.now()) throw MatchingErrors.offerExpired();
    await this.checkLines(principal, offer, input);

    if (!(await this.transactions.run((tx) => this.offers.reserve(tx, offer.id, key, new Date())))) {
      throw MatchingErrors.offerBeingAccepted();
    }
    let pledge: PledgeView;
    try {
      pledge = await this.pledges.create(principal, pledgeInput, { fallbackKey });
    } catch (error) {
      await this.transactions.run((tx) => this.offers.release(tx, offer.id, key));
      throw error;
    }
    return this.transactions.run(async (tx) => {
      if (!(await this.offers.markUsed(tx, offer.id, key, input.needId, pledge.id))) {
        throw MatchingErrors.reservationLost();
      }
      await this.audit.record(tx, {
        action: 'offer.accepted',
        entityType: 'goods_offer',
        entityId: offer.id,
        orgId: offer.onBehalfOfOrgId,
        diff: { needId: input.needId, pledgeId: pledge.id, lines: input.lines.length },
      });
      return { offer: toOfferView((await this.offers.findById(offer.id, tx))!), pledge };
    });
  }

  /** Every line must be a goods line of the need that matches the offered item, within the offered quantity. */
  private async checkLines(principal: Principal, offer: GoodsOfferEntity, input: AcceptOfferDto): Promise<void> {
    const need = await this.needs.get(principal, input.needId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'not_found'
        ? MatchingErrors.needNotGivable()
        : error;
    });
    input.lines.forEach((line, i) => {
      const item = need.items.find((it) => it.id === line.itemId);
      if (!item) throw MatchingErrors.notAGoodsLine(i);
      if (!matchItems(offer.itemName, item.name))
        throw MatchingErrors.itemMismatch(i, offer.itemName);
    });
    const total = input.lines.reduce((sum, l) => sum + l.quantity, 0);
    if (total > offer.quantity)
      throw MatchingErrors.moreThanOffered(total, offer.quantity);
  }
}
