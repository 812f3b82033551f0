import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NeedSummaryView, NeedView, Page, ShiftsCreatedView, ShiftView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ChangeNeedStatusDto } from './dto/change-need-status.dto';
import { CreateNeedDto } from './dto/create-need.dto';
import { CreateShiftsDto } from './dto/create-shifts.dto';
import { SearchNeedsDto } from './dto/search-needs.dto';
import { UpdateNeedDto } from './dto/update-need.dto';
import { NeedsService } from './needs.service';
import { ShiftsService } from './shifts.service';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';

@ApiTags('needs')
@Controller('needs')
export class NeedsController {
  constructor(
    private readonly needs: NeedsService,
    private readonly shifts: ShiftsService,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Create a need as a draft (owners and coordinators of the NGO)' })
  @ApiAnswer(201, 'NeedView')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateNeedDto): Promise<NeedView> {
    return this.needs.create(principal, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Search needs: listed needs of every organisation, and all of your own; keyset pages' })
  @ApiAnswer(200, { page: 'NeedSummaryView' })
  search(@CurrentPrincipal() principal: Principal, @Query() query: SearchNeedsDto): Promise<Page<NeedSummaryView>> {
    return this.needs.search(principal, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One need with its goods lines (drafts only to the organisation)' })
  @ApiAnswer(200, 'NeedView')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<NeedView> {
    return this.needs.get(principal, id);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Edit a need (type and goods lines only while it is a draft)' })
  @ApiAnswer(200, 'NeedView')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: UpdateNeedDto,
  ): Promise<NeedView> {
    return this.needs.update(principal, id, body);
  }

  @Post(':id/publish')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft (status open); the organisation must be verified' })
  @ApiAnswer(200, 'NeedView')
  @ApiProblems('organization_unverified', 'organization_suspended', 'invalid_transition')
  publish(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<NeedView> {
    return this.needs.publish(principal, id);
  }

  @Post(':id/status')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the status by the transition table; cancelling cancels the shifts that have not started' })
  @ApiAnswer(200, 'NeedView')
  changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: ChangeNeedStatusDto,
  ): Promise<NeedView> {
    return this.needs.changeStatus(principal, id, body.status, body.reason ?? null);
  }

  @Get(':id/shifts')
  @Authenticated()
  @ApiOperation({ summary: 'The shifts of a need, by time' })
  @ApiAnswer(200, { list: 'ShiftView' })
  listShifts(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<{ data: ShiftView[] }> {
    return this.shifts.list(principal, id);
  }

  @Post(':id/shifts')
  @Authenticated()
  @ApiOperation({ summary: 'Add one shift (a camp: one shift over several days) or a series by RRULE up to `until` (at most 200)' })
  @ApiAnswer(201, 'ShiftsCreatedView')
  createShifts(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CreateShiftsDto,
  ): Promise<ShiftsCreatedView> {
    return this.shifts.create(principal, id, body);
  }
}
