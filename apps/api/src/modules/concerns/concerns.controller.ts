import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConcernListRow, ConcernRaised, ConcernStatusView, ConcernView, Page } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ConcernsService } from './concerns.service';
import { CloseConcernDto, ConcernsQueryDto, RaiseConcernDto, ReportDecisionDto } from './dto/concerns.dto';

@ApiTags('concerns')
@Controller()
export class ConcernsController {
  constructor(private readonly concerns: ConcernsService) {}

  @Post('concerns')
  @Authenticated()
  @ApiOperation({
    summary:
      'Raise a safeguarding concern (any member of the NGO, or a volunteer with a confirmed sign-up there); its owners and coordinators get `concern.raised` at once',
  })
  @ApiAnswer(201, 'ConcernRaised')
  @ApiProblems('not_found')
  raise(@CurrentPrincipal() principal: Principal, @Body() body: RaiseConcernDto): Promise<ConcernRaised> {
    return this.concerns.raise(principal, body);
  }

  @Get('organizations/:orgId/concerns')
  @Authenticated()
  @ApiOperation({ summary: "The NGO's concerns queue (owners and coordinators): open ones first, by acknowledgement deadline" })
  @ApiAnswer(200, { page: 'ConcernListRow' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId', UuidParam('orgId')) orgId: string,
    @Query() query: ConcernsQueryDto,
  ): Promise<Page<ConcernListRow>> {
    return this.concerns.list(principal, orgId, query);
  }

  @Get('me/concerns')
  @Authenticated()
  @ApiOperation({ summary: 'The concerns I raised: their status only' })
  @ApiAnswer(200, { list: 'ConcernStatusView' })
  mine(@CurrentPrincipal() principal: Principal): Promise<{ data: ConcernStatusView[] }> {
    return this.concerns.mine(principal);
  }

  @Get('concerns/:id')
  @Authenticated()
  @ApiOperation({ summary: "A concern: in full for the NGO's owners and coordinators (the read audited), its status for the reporter" })
  @ApiAnswer(200, { oneOf: ['ConcernView', 'ConcernStatusView'] })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ConcernView | ConcernStatusView> {
    return this.concerns.get(principal, id);
  }

  @Post('concerns/:id/acknowledge')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Acknowledge an open concern (owners and coordinators)' })
  @ApiAnswer(200, 'ConcernView')
  @ApiProblems('invalid_transition')
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ConcernView> {
    return this.concerns.acknowledge(principal, id);
  }

  @Post('concerns/:id/report-decision')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: 'Record the police-report decision: reported (authority required, reference) or not (reason required)',
  })
  @ApiAnswer(200, 'ConcernView')
  @ApiProblems('invalid_transition')
  reportDecision(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: ReportDecisionDto,
  ): Promise<ConcernView> {
    return this.concerns.reportDecision(principal, id, body);
  }

  @Post('concerns/:id/close')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Close with the outcome; a statutory category needs the report decision first' })
  @ApiAnswer(200, 'ConcernView')
  @ApiProblems('report_decision_required', 'invalid_transition')
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CloseConcernDto,
  ): Promise<ConcernView> {
    return this.concerns.close(principal, id, body);
  }
}
