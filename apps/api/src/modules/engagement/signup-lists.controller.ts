import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyShiftRow, OrganizationRosterEntry, RosterView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { EngagementErrors } from './engagement.errors';
import { ApiAnswer } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { OrganizationRostersQueryDto } from './dto/engagement.dto';
import { SignupListsService } from './signup-lists.service';

/** Lists of sign-ups: a shift's roster, an organisation's rosters, a volunteer's own shifts. */
@ApiTags('engagement')
@Controller()
export class SignupListsController {
  constructor(private readonly signups: SignupListsService) {}

  @Get('shifts/:id/signups')
  @Authenticated()
  @ApiOperation({ summary: 'The roster of a shift (owners and coordinators of the owning NGO)' })
  @ApiAnswer(200, 'RosterView')
  roster(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<RosterView> {
    return this.signups.roster(principal, id);
  }

  @Get('organizations/:id/rosters')
  @Authenticated()
  @ApiOperation({ summary: "The rosters of an organisation's shifts in a time window, in one answer (owners and coordinators)" })
  @ApiAnswer(200, { array: 'OrganizationRosterEntry' })
  organizationRosters(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Query() query: OrganizationRostersQueryDto,
  ): Promise<OrganizationRosterEntry[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to < from) throw EngagementErrors.rangeReversed();
    return this.signups.organizationRosters(principal, id, from, to, query.limit ?? 100);
  }

  @Get('me/shifts')
  @Authenticated()
  @ApiOperation({ summary: "The caller's sign-ups with waitlist positions and attendance" })
  @ApiAnswer(200, { array: 'MyShiftRow' })
  myShifts(@CurrentPrincipal() principal: Principal): Promise<MyShiftRow[]> {
    return this.signups.mine(principal);
  }
}
