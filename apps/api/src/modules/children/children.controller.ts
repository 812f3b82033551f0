import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChildView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ChildrenService } from './children.service';
import { CreateChildDto } from './dto/create-child.dto';

@ApiTags('children')
@Controller()
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  @Post('organizations/:orgId/children')
  @Authenticated()
  @ApiOperation({ summary: "Register a child in an NGO's registry (owners and coordinators); identity fields are encrypted at rest" })
  @ApiAnswer(201, 'ChildView')
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId', UuidParam('orgId')) orgId: string,
    @Body() body: CreateChildDto,
  ): Promise<ChildView> {
    return this.children.create(principal, orgId, body);
  }

  @Get('children/:id')
  @Authenticated()
  @ApiOperation({
    summary: "A child's file: owners and coordinators also get `identity` (each read audited), staff the rest; anyone else 404",
  })
  @ApiAnswer(200, 'ChildView')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ChildView> {
    return this.children.get(principal, id);
  }
}
