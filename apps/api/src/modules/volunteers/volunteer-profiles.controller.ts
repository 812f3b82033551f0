import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CodeOfConductView, SkillView, VolunteerProfileView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, Public } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { CodeOfConductService } from './code-of-conduct.service';
import { AcceptCodeOfConductDto } from './dto/accept-code-of-conduct.dto';
import { UpsertVolunteerProfileDto } from './dto/upsert-volunteer-profile.dto';
import { SkillsService } from './skills.service';
import { VolunteerProfilesService } from './volunteer-profiles.service';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('volunteers')
@Controller()
export class VolunteerProfilesController {
  constructor(
    private readonly profiles: VolunteerProfilesService,
    private readonly skills: SkillsService,
    private readonly codeOfConduct: CodeOfConductService,
  ) {}

  @Put('me/volunteer-profile')
  @Authenticated()
  @ApiOperation({ summary: "Create or replace the caller's volunteer profile; the first call assigns a unified volunteer number" })
  @ApiAnswer(200, 'VolunteerProfileView')
  upsert(@CurrentPrincipal() principal: Principal, @Body() body: UpsertVolunteerProfileDto): Promise<VolunteerProfileView> {
    return this.profiles.upsert(principal, body);
  }

  @Get('me/volunteer-profile')
  @Authenticated()
  @ApiOperation({ summary: "The caller's volunteer profile (404 until created)" })
  @ApiAnswer(200, 'VolunteerProfileView')
  mine(@CurrentPrincipal() principal: Principal): Promise<VolunteerProfileView> {
    return this.profiles.mine(principal);
  }

  @Get('skills')
  @Public()
  @ApiOperation({ summary: 'The shared skills catalogue (codes for profiles and needs)' })
  @ApiAnswer(200, { array: 'SkillView' })
  catalogue(): Promise<SkillView[]> {
    return this.skills.catalogue();
  }

  @Get('code-of-conduct')
  @Public()
  @ApiOperation({ summary: 'The current volunteer code of conduct' })
  @ApiAnswer(200, 'CodeOfConductView')
  currentCodeOfConduct(): Promise<CodeOfConductView> {
    return this.codeOfConduct.current();
  }

  @Post('me/code-of-conduct/accept')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the current code of conduct (needed before any child-contact sign-up)' })
  @ApiAnswer(200, 'VolunteerProfileView')
  accept(@CurrentPrincipal() principal: Principal, @Body() body: AcceptCodeOfConductDto): Promise<VolunteerProfileView> {
    return this.codeOfConduct.accept(principal, body.version);
  }
}
