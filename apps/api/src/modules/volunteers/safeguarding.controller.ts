import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  BlockedVolunteerView,
  Page,
  SafeguardingCheckView,
  SafeguardingDetailView,
  SafeguardingStandingView,
} from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, PlatformAdminOnly } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { LiftSafeguardingCheckDto } from './dto/lift-safeguarding-check.dto';
import { RecordSafeguardingCheckDto } from './dto/record-safeguarding-check.dto';
import { SafeguardingService } from './safeguarding.service';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('volunteers')
@Controller()
export class SafeguardingController {
  constructor(private readonly safeguarding: SafeguardingService) {}

  @Post('volunteers/:userId/safeguarding-checks')
  @Authenticated()
  @ApiOperation({ summary: 'Record a safeguarding check (entry inquiry) of a volunteer; owners and coordinators of a verified NGO only' })
  @ApiAnswer(201, 'SafeguardingCheckView')
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('userId', UuidParam('userId')) userId: string,
    @Body() body: RecordSafeguardingCheckDto,
  ): Promise<SafeguardingCheckView> {
    return this.safeguarding.record(principal, userId, body);
  }

  @Get('volunteers/:userId/safeguarding')
  @Authenticated()
  @ApiOperation({
    summary:
      "A volunteer's safeguarding status: coordinators of verified NGOs see only the status; the volunteer and administrators also the checks",
  })
  @ApiAnswer(200, { oneOf: ['SafeguardingStandingView', 'SafeguardingDetailView'] })
  standing(
    @CurrentPrincipal() principal: Principal,
    @Param('userId', UuidParam('userId')) userId: string,
  ): Promise<SafeguardingStandingView | SafeguardingDetailView> {
    return this.safeguarding.standingFor(principal, userId);
  }

  @Get('me/safeguarding')
  @Authenticated()
  @ApiOperation({ summary: "The caller's own safeguarding status and checks" })
  @ApiAnswer(200, 'SafeguardingDetailView')
  mine(@CurrentPrincipal() principal: Principal): Promise<SafeguardingDetailView> {
    return this.safeguarding.detail(principal.userId);
  }

  @Get('safeguarding-checks/blocking')
  @PlatformAdminOnly()
  @ApiOperation({ summary: 'Volunteers blocked by a record found and not lifted, newest first (platform administrators only)' })
  @ApiAnswer(200, { page: 'BlockedVolunteerView' })
  blocking(@Query() query: PageQueryDto): Promise<Page<BlockedVolunteerView>> {
    return this.safeguarding.blocking(query.limit ?? 50, query.cursor);
  }

  @Post('safeguarding-checks/:id/lift')
  @PlatformAdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a flagged block, with a reason (platform administrators only)' })
  @ApiAnswer(200, 'SafeguardingCheckView')
  lift(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: LiftSafeguardingCheckDto,
  ): Promise<SafeguardingCheckView> {
    return this.safeguarding.lift(principal, id, body.reason);
  }
}
