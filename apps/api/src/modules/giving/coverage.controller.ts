import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import type { CoverageView } from '@kindred/contracts';
import { CoverageService } from './coverage.service';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('giving')
@Controller('needs')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get(':id/coverage')
  @Authenticated()
  @ApiOperation({ summary: "How much of a need's goods and money target is pledged, received and used" })
  @ApiAnswer(200, 'CoverageView')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<CoverageView> {
    return this.coverage.forNeed(principal, id);
  }
}
