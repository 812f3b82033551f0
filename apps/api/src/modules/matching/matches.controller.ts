import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CandidatesQueryDto, FeedQueryDto } from './dto/match-queries.dto';
import { MatchesService } from './matches.service';
import type { CandidatesPage, FeedMatchView, RankedPage } from '@kindred/contracts';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('matching')
@Controller()
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get('me/matches')
  @Authenticated()
  @ApiOperation({
    summary: 'Upcoming shifts ranked for the caller (needs a volunteer profile); each with its score and the reasons that add up to it',
  })
  @ApiAnswer(200, { ranked: 'FeedMatchView' })
  feed(@CurrentPrincipal() principal: Principal, @Query() query: FeedQueryDto): Promise<RankedPage<FeedMatchView>> {
    return this.matches.feed(principal, query);
  }

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
    return this.matches.candidates(principal, id, query);
  }
}
