import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChildListRow, ChildView, Page } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ChildrenService } from './children.service';
import { CreateChildDto } from './dto/create-child.dto';
import { ExitChildDto } from './dto/exit-child.dto';
import { ListChildrenDto } from './dto/list-children.dto';
import { UpdateChildDto } from './dto/update-child.dto';

@ApiTags('children')
@Controller()
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  @Post('organizations/:orgId/children')
  @Authenticated()
  @ApiOperation({ summary: "Register a child in an NGO's registry (owners and coordinators); identity fields are encrypted at rest" })
  @ApiAnswer(201, 'ChildView')
  @ApiProblems('invalid_id_number', 'conflict')
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

  @Get('organizations/:orgId/children')
  @Authenticated()
  @ApiOperation({
    summary:
      "An NGO's registry, newest registration first; `legalName` only for owners and coordinators (one audit row per page), staff get the rest",
  })
  @ApiAnswer(200, { page: 'ChildListRow' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId', UuidParam('orgId')) orgId: string,
    @Query() query: ListChildrenDto,
  ): Promise<Page<ChildListRow>> {
    return this.children.list(principal, orgId, query);
  }

  @Patch('children/:id')
  @Authenticated()
  @ApiOperation({
    summary: 'Change a file (owners and coordinators) at its current `version`; a category change needs a reason and is kept as history',
  })
  @ApiAnswer(200, 'ChildView')
  @ApiProblems('conflict', 'child_exited')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: UpdateChildDto,
  ): Promise<ChildView> {
    return this.children.update(principal, id, body);
  }

  @Post('children/:id/exit')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Close a file with a reason and a date (owners and coordinators)' })
  @ApiAnswer(200, 'ChildView')
  @ApiProblems('child_exited')
  exit(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string, @Body() body: ExitChildDto): Promise<ChildView> {
    return this.children.exit(principal, id, body);
  }
}
