import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CandidatesPage } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CandidatesService } from './candidates.service';
import { CandidatesQueryDto } from './dto/match-queries.dto';

@ApiTags('matching')
@Controller()
export class CandidatesController {
  constructor(private readonly candidatesService: CandidatesService) {}

  @Get('needs/:id/candidates')
  @Authenticated()
  @ApiOperation({
    summary: 'Volunteers ranked for one of the need’s shifts, with reasons and an invite action (owners and coordinators of the NGO)',
  })
  @ApiAnswer(200, 'CandidatesPage')
  candidates(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Query() query: CandidatesQueryDto,
  ): Promise<CandidatesPage> {
    return this.candidatesService.candidates(principal, id, query);
  }
}
