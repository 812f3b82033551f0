import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NeedSummaryView, NeedView, Page } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { SearchNeedsDto } from './dto/search-needs.dto';
import { NeedsService } from './needs.service';

/** Reading needs: search and one need. Writing them: need-authoring.controller.ts, need-status.controller.ts. */
@ApiTags('needs')
@Controller('needs')
export class NeedsController {
  constructor(private readonly needs: NeedsService) {}

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
}
