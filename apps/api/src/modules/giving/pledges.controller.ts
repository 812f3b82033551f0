import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { CancelPledgeDto, CreateReceiptDto, CreateUsageDto, ReasonDto } from './dto/ledger.dto';
import { ListPledgesDto } from './dto/list-pledges.dto';
import type { LedgerEntryView, PledgeView, TrailView } from '@kindred/contracts';
import { LedgerService } from './ledger.service';
import { PledgesService } from './pledges.service';
import { TrailService } from './trail.service';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';

@ApiTags('giving')
@Controller('pledges')
export class PledgesController {
  constructor(
    private readonly pledges: PledgesService,
    private readonly ledger: LedgerService,
    private readonly trails: TrailService,
  ) {}

  @Post()
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Pledge money (fen) or goods lines to a need, as a person or for a company' })
  @ApiAnswer(201, 'PledgeView')
  @ApiProblems('need_not_open', 'idempotency_key_reused', 'idempotency_in_progress')
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreatePledgeDto,
  ): Promise<PledgeView> {
    return this.pledges.create(principal, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The caller's pledges, an NGO's received pledges, or a company's pledges" })
  @ApiAnswer(200, { page: 'PledgeView' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListPledgesDto): Promise<Page<PledgeView>> {
    return this.pledges.list(principal, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One pledge (its donor, company or NGO)' })
  @ApiAnswer(200, 'PledgeView')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<PledgeView> {
    return this.pledges.get(principal, id);
  }

  @Post(':id/receipts')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Record that the NGO received all or part of the pledge; 422 exceeds_pledged' })
  @ApiAnswer(201, 'LedgerEntryView')
  @ApiProblems('exceeds_pledged', 'pledge_cancelled', 'idempotency_key_reused', 'idempotency_in_progress')
  receive(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CreateReceiptDto,
  ): Promise<LedgerEntryView> {
    return this.ledger.receive(principal, id, body);
  }

  @Post(':id/usages')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Record a use with what, for how many, where and evidence; 422 exceeds_received' })
  @ApiAnswer(201, 'LedgerEntryView')
  @ApiProblems('exceeds_received', 'pledge_cancelled', 'idempotency_key_reused', 'idempotency_in_progress')
  use(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CreateUsageDto,
  ): Promise<LedgerEntryView> {
    return this.ledger.use(principal, id, body);
  }

  @Post(':id/entries/:entryId/reverse')
  @Authenticated()
  @ApiOperation({ summary: 'Correct a receipt or a use by a reversing entry (never an edit)' })
  @ApiAnswer(201, 'LedgerEntryView')
  reverse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Param('entryId', UuidParam('entryId')) entryId: string,
    @Body() body: ReasonDto,
  ): Promise<LedgerEntryView> {
    return this.ledger.reverse(principal, id, entryId, body.reason);
  }

  @Post(':id/cancel')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pledge of which nothing was received (donor, company or NGO), with a reason' })
  @ApiAnswer(200, 'PledgeView')
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CancelPledgeDto,
  ): Promise<PledgeView> {
    return this.pledges.cancel(principal, id, body.reason);
  }

  @Get(':id/trail')
  @Authenticated()
  @ApiOperation({ summary: 'Pledged / received / used, per line, with every use and its evidence' })
  @ApiAnswer(200, 'TrailView')
  trail(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<TrailView> {
    return this.trails.trail(principal, id);
  }
}
