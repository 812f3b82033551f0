import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FeedMatchView, RankedPage } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer } from '../../common/http/openapi';
import { FeedQueryDto } from './dto/match-queries.dto';
import { FeedService } from './feed.service';

@ApiTags('matching')
@Controller()
export class FeedController {
  constructor(private readonly feedService: FeedService) {}

  @Get('me/matches')
  @Authenticated()
  @ApiOperation({
    summary: 'Upcoming shifts ranked for the caller (needs a volunteer profile); each with its score and the reasons that add up to it',
  })
  @ApiAnswer(200, { ranked: 'FeedMatchView' })
  feed(@CurrentPrincipal() principal: Principal, @Query() query: FeedQueryDto): Promise<RankedPage<FeedMatchView>> {
    return this.feedService.feed(principal, query);
  }
}
