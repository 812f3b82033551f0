import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProgrammeView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { CreateProgrammeDto, ListProgrammesDto } from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('needs')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Create a programme that groups needs, e.g. "2026 暑期夏令营" (owners and coordinators)' })
  @ApiAnswer(201, 'ProgrammeView')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.programmes.create(principal, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "An organisation's programmes" })
  @ApiAnswer(200, { list: 'ProgrammeView' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListProgrammesDto): Promise<{ data: ProgrammeView[] }> {
    return this.programmes.list(principal, query.organizationId);
  }
}
