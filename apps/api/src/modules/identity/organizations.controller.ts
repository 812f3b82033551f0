import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MemberView, OrganizationView, Page } from '@kindred/contracts';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, PlatformAdminOnly } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsDto } from './dto/list-organizations.dto';
import { AddMemberDto, ChangeRoleDto } from './dto/member.dto';
import { OrganizationsService } from './organizations.service';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    summary: 'Create an NGO or company; the caller becomes its owner; unverified until a platform administrator verifies it',
  })
  @ApiAnswer(201, 'OrganizationView')
  @ApiProblems('region_invalid', 'idempotency_key_reused', 'idempotency_in_progress')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(principal, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The caller's organisations; platform administrators see all, filterable by status and kind" })
  @ApiAnswer(200, { page: 'OrganizationView' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListOrganizationsDto): Promise<Page<OrganizationView>> {
    return this.organizations.list(principal, query, query.limit ?? 50, query.cursor);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One organisation (unverified ones only to their members and administrators)' })
  @ApiAnswer(200, 'OrganizationView')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<OrganizationView> {
    return this.organizations.get(principal, id);
  }

  @Post(':id/verify')
  @PlatformAdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify (or reinstate) an organisation' })
  @ApiAnswer(200, 'OrganizationView')
  verify(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<OrganizationView> {
    return this.organizations.setStatus(principal, id, 'verified');
  }

  @Post(':id/suspend')
  @PlatformAdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend an organisation: its needs leave the feeds and its members lose their rights in it' })
  @ApiAnswer(200, 'OrganizationView')
  suspend(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<OrganizationView> {
    return this.organizations.setStatus(principal, id, 'suspended');
  }

  @Get(':id/members')
  @Authenticated()
  @ApiOperation({ summary: 'Members and their roles (members only)' })
  @ApiAnswer(200, { array: 'MemberView' })
  members(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<MemberView[]> {
    return this.organizations.members(principal, id);
  }

  @Post(':id/members')
  @Authenticated()
  @ApiOperation({ summary: 'Add an existing account by login with a role (owners)' })
  @ApiAnswer(201, 'MemberView')
  @ApiProblems('already_member', 'role_not_allowed')
  addMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberView> {
    return this.organizations.addMember(principal, id, body);
  }

  @Patch(':id/members/:userId')
  @Authenticated()
  @ApiOperation({ summary: "Change a member's role (owners); the last owner cannot step down" })
  @ApiAnswer(200, 'MemberView')
  @ApiProblems('last_owner', 'role_not_allowed')
  changeRole(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Param('userId', UuidParam('userId')) userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<MemberView> {
    return this.organizations.changeRole(principal, id, userId, body.role);
  }

  @Delete(':id/members/:userId')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (owners), or leave (oneself); the last owner cannot leave' })
  @ApiAnswer(204, null)
  @ApiProblems('last_owner')
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Param('userId', UuidParam('userId')) userId: string,
  ): Promise<void> {
    await this.organizations.removeMember(principal, id, userId);
  }
}
