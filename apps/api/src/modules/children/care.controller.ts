import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ActivityCardView,
  AssessmentView,
  ChildTimelineEntry,
  ConsentView,
  FollowUpView,
  NeedBeneficiariesView,
  Page,
  ServiceRecordView,
} from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { BeneficiariesService } from './beneficiaries.service';
import { CareRecordsService } from './care-records.service';
import { ConsentsService } from './consents.service';
import {
  CreateAssessmentDto,
  CreateFollowUpDto,
  CreateServiceDto,
  EndFollowUpDto,
  LinkBeneficiariesDto,
  PutConsentDto,
} from './dto/care.dto';
import { FollowUpsService } from './follow-ups.service';

/** The care side of a child's file: consent, services and visits, assessments, timeline, follow-ups, need links and activity cards. */
@ApiTags('children')
@Controller()
export class CareController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly records: CareRecordsService,
    private readonly followUps: FollowUpsService,
    private readonly beneficiaries: BeneficiariesService,
  ) {}

  @Get('children/:id/consent')
  @Authenticated()
  @ApiOperation({ summary: "The child's latest guardian consent, or null; the guardian's name only for owners and coordinators (audited)" })
  @ApiAnswer(200, 'ConsentAnswer', 'the latest consent, or null when none was recorded')
  getConsent(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ConsentView | null> {
    return this.consents.get(principal, id);
  }

  @Put('children/:id/consent')
  @Authenticated()
  @ApiOperation({ summary: 'Record a guardian consent (owners and coordinators); it replaces the one in force, which is kept as history' })
  @ApiAnswer(200, 'ConsentView')
  @ApiProblems('child_exited')
  putConsent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: PutConsentDto,
  ): Promise<ConsentView> {
    return this.consents.put(principal, id, body);
  }

  @Delete('children/:id/consent')
  @Authenticated()
  @ApiOperation({
    summary: 'Withdraw the consent in force (owners and coordinators): from now on nothing beyond the registry uses the child',
  })
  @ApiAnswer(200, 'ConsentView')
  withdrawConsent(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ConsentView> {
    return this.consents.withdraw(principal, id);
  }

  @Get('children/:id/services')
  @Authenticated()
  @ApiOperation({ summary: "The child's services and visits, newest date first" })
  @ApiAnswer(200, { page: 'ServiceRecordView' })
  listServices(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ServiceRecordView>> {
    return this.records.listServices(principal, id, query.limit ?? 50, query.cursor);
  }

  @Post('children/:id/services')
  @Authenticated()
  @ApiOperation({
    summary:
      'Record a service or visit (owners, coordinators, staff); a family_visit moves nextVisitDue, a parent_child_call the last parent contact',
  })
  @ApiAnswer(201, 'ServiceRecordView')
  @ApiProblems('child_exited')
  recordService(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CreateServiceDto,
  ): Promise<ServiceRecordView> {
    return this.records.recordService(principal, id, body);
  }

  @Get('children/:id/assessments')
  @Authenticated()
  @ApiOperation({ summary: "The child's academic and wellbeing assessments, newest first" })
  @ApiAnswer(200, { list: 'AssessmentView' })
  listAssessments(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<{ data: AssessmentView[] }> {
    return this.records.listAssessments(principal, id);
  }

  @Post('children/:id/assessments')
  @Authenticated()
  @ApiOperation({ summary: 'Record an assessment (owners, coordinators, staff); it moves nextReassessmentDue' })
  @ApiAnswer(201, 'AssessmentView')
  @ApiProblems('child_exited')
  recordAssessment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CreateAssessmentDto,
  ): Promise<AssessmentView> {
    return this.records.recordAssessment(principal, id, body);
  }

  @Get('children/:id/timeline')
  @Authenticated()
  @ApiOperation({
    summary: "The child's file over time: services, assessments, category changes, consent, registration and exit; newest first",
  })
  @ApiAnswer(200, { array: 'ChildTimelineEntry' })
  timeline(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ChildTimelineEntry[]> {
    return this.records.timeline(principal, id);
  }

  @Get('children/:id/follow-ups')
  @Authenticated()
  @ApiOperation({ summary: "The child's one-to-one follow-up pairings with their contact-cadence flags" })
  @ApiAnswer(200, { list: 'FollowUpView' })
  listFollowUps(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<{ data: FollowUpView[] }> {
    return this.followUps.list(principal, id);
  }

  @Post('children/:id/follow-ups')
  @Authenticated()
  @ApiOperation({
    summary: 'Pair the child with a social worker of the NGO or a volunteer with a valid safeguarding check (owners and coordinators)',
  })
  @ApiAnswer(201, 'FollowUpView')
  @ApiProblems('child_exited', 'safeguarding_required', 'conflict')
  createFollowUp(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CreateFollowUpDto,
  ): Promise<FollowUpView> {
    return this.followUps.create(principal, id, body);
  }

  @Post('children/:id/follow-ups/:followUpId/end')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'End a follow-up pairing (owners and coordinators)' })
  @ApiAnswer(200, 'FollowUpView')
  @ApiProblems('conflict')
  endFollowUp(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Param('followUpId', UuidParam('followUpId')) followUpId: string,
    @Body() body: EndFollowUpDto,
  ): Promise<FollowUpView> {
    return this.followUps.end(principal, id, followUpId, body);
  }

  @Get('needs/:id/beneficiaries')
  @Authenticated()
  @ApiOperation({ summary: "The children a need reaches, by alias (the NGO's owners, coordinators and staff)" })
  @ApiAnswer(200, 'NeedBeneficiariesView')
  listBeneficiaries(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<NeedBeneficiariesView> {
    return this.beneficiaries.list(principal, id);
  }

  @Post('needs/:id/beneficiaries')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Link children of the need's NGO (owners and coordinators), each with a current service_delivery consent, and grant need-to-know facts; all or nothing",
  })
  @ApiAnswer(200, 'NeedBeneficiariesView')
  @ApiProblems('consent_required', 'child_exited')
  linkBeneficiaries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: LinkBeneficiariesDto,
  ): Promise<NeedBeneficiariesView> {
    return this.beneficiaries.link(principal, id, body);
  }

  @Delete('needs/:id/beneficiaries/:childId')
  @Authenticated()
  @ApiOperation({ summary: 'Unlink a child from a need (owners and coordinators)' })
  @ApiAnswer(200, 'NeedBeneficiariesView')
  unlinkBeneficiary(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Param('childId', UuidParam('childId')) childId: string,
  ): Promise<NeedBeneficiariesView> {
    return this.beneficiaries.unlink(principal, id, childId);
  }

  @Get('signups/:id/activity-card')
  @Authenticated()
  @ApiOperation({
    summary:
      "The confirmed volunteer's activity card: alias, age band and granted facts of the need's children who consented to sharing; each read audited",
  })
  @ApiAnswer(200, 'ActivityCardView')
  @ApiProblems('safeguarding_required')
  activityCard(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ActivityCardView> {
    return this.beneficiaries.activityCard(principal, id);
  }
}
