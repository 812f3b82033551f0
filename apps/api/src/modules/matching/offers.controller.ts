import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { GoodsMatchesQueryDto } from './dto/match-queries.dto';
import { AcceptOfferDto, CreateOfferDto } from './dto/offer.dto';
import type { AcceptedOfferView, NeedOfferMatchView, OfferNeedMatchView, OfferView, RankedPage } from '@kindred/contracts';
import { OffersService } from './offers.service';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('matching')
@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Post('offers')
  @Authenticated()
  @ApiOperation({ summary: 'Offer goods (as yourself, or for a company you give for): item, unit, quantity, region, until' })
  @ApiAnswer(201, 'OfferView')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOfferDto): Promise<OfferView> {
    return this.offers.create(principal, body);
  }

  @Get('me/offers')
  @Authenticated()
  @ApiOperation({ summary: "The caller's offers and those of the companies they give for" })
  @ApiAnswer(200, { list: 'OfferView' })
  mine(@CurrentPrincipal() principal: Principal): Promise<{ data: OfferView[] }> {
    return this.offers.mine(principal);
  }

  @Get('offers/:id/matches')
  @Authenticated()
  @ApiOperation({ summary: 'Open goods needs ranked for an offer (item, quantity still missing, distance), each with an accept action' })
  @ApiAnswer(200, { ranked: 'OfferNeedMatchView' })
  matches(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Query() query: GoodsMatchesQueryDto,
  ): Promise<RankedPage<OfferNeedMatchView>> {
    return this.offers.matchesForOffer(principal, id, query.limit);
  }

  @Get('needs/:id/offers')
  @Authenticated()
  @ApiOperation({ summary: 'Open goods offers ranked for a need’s lines (owners and coordinators of the NGO)' })
  @ApiAnswer(200, { ranked: 'NeedOfferMatchView' })
  forNeed(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Query() query: GoodsMatchesQueryDto,
  ): Promise<RankedPage<NeedOfferMatchView>> {
    return this.offers.offersForNeed(principal, id, query.limit);
  }

  @Post('offers/:id/accept')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Give the offer to a need: creates a goods pledge (giving) and marks the offer used (the donor)' })
  @ApiAnswer(201, 'AcceptedOfferView')
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: AcceptOfferDto,
  ): Promise<AcceptedOfferView> {
    return this.offers.accept(principal, id, body);
  }
}
