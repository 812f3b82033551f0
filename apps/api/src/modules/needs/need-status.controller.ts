import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NeedView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ChangeNeedStatusDto } from './dto/change-need-status.dto';
import { NeedTransitionsService } from './need-transitions.service';

/** A need's status machine: publishing and every other transition. */
@ApiTags('needs')
@Controller('needs')
export class NeedStatusController {
  constructor(private readonly needs: NeedTransitionsService) {}

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
}
