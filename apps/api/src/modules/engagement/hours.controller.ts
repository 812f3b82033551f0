import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  CertificateVerificationView,
  CertificateView,
  EmployeeHoursView,
  HourRecordView,
  MyHoursView,
  OrganizationHourRecordRow,
  OrganizationHoursView,
  Page,
} from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, Public } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { maskIdNumber } from './certificate.document';
import { CertificatesService } from './certificates.service';
import {
  IssueCertificateDto,
  OptionalReasonDto,
  OrganizationHourRecordsQueryDto,
  RequiredReasonDto,
  VerifyCertificateQueryDto,
} from './dto/engagement.dto';
import { HourRecordListsService } from './hour-record-lists.service';
import { HoursService } from './hours.service';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';

@ApiTags('engagement')
@Controller()
export class HoursController {
  constructor(
    private readonly hours: HoursService,
    private readonly certificates: CertificatesService,
    private readonly lists: HourRecordListsService,
  ) {}

  @Post('hour-records/:id/verify')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify a pending hour record (coordinators); verified records never change' })
  @ApiAnswer(200, 'HourRecordView')
  @ApiProblems('hours_immutable')
  verify(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<HourRecordView> {
    return this.hours.decide(principal, id, 'verified', body?.reason ?? null);
  }

  @Post('hour-records/:id/reject')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a pending hour record with a reason (coordinators)' })
  @ApiAnswer(200, 'HourRecordView')
  @ApiProblems('hours_immutable')
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<HourRecordView> {
    return this.hours.decide(principal, id, 'rejected', body?.reason ?? null);
  }

  @Post('hour-records/:id/reverse')
  @Authenticated()
  @ApiOperation({ summary: 'Correct a verified record by a reversing record (coordinators)' })
  @ApiAnswer(201, 'HourRecordView')
  reverse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: RequiredReasonDto,
  ): Promise<HourRecordView> {
    return this.hours.reverse(principal, id, body.reason);
  }

  @Get('me/hours')
  @Authenticated()
  @ApiOperation({ summary: "The caller's hours ledger: verified and pending minutes, reliability and records" })
  @ApiAnswer(200, 'MyHoursView')
  mine(@CurrentPrincipal() principal: Principal): Promise<MyHoursView> {
    return this.hours.mine(principal);
  }

  @Get('organizations/:id/hours')
  @Authenticated()
  @ApiOperation({ summary: "An NGO's verified and pending minutes, volunteers and minutes per month" })
  @ApiAnswer(200, 'OrganizationHoursView')
  organization(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<OrganizationHoursView> {
    return this.hours.organizationTotals(principal, id);
  }

  @Get('organizations/:id/hour-records')
  @Authenticated()
  @ApiOperation({
    summary:
      "An organisation's hour records, latest service first, with the volunteer's name, the need's title and the shift's start (owners and coordinators); keyset pages",
  })
  @ApiAnswer(200, { page: 'OrganizationHourRecordRow' })
  organizationRecords(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Query() query: OrganizationHourRecordsQueryDto,
  ): Promise<Page<OrganizationHourRecordRow>> {
    return this.lists.organization(principal, id, query);
  }

  @Get('organizations/:id/employee-hours')
  @Authenticated()
  @ApiOperation({ summary: "A company's employees' verified volunteer hours (owner, csr_manager)" })
  @ApiAnswer(200, 'EmployeeHoursView')
  company(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<EmployeeHoursView> {
    return this.hours.companyTotals(principal, id);
  }

  @Post('certificates')
  @Authenticated()
  @ApiOperation({ summary: 'Ask the NGO that recorded your verified hours for a service record certificate' })
  @ApiAnswer(201, 'CertificateView')
  @ApiProblems('no_verified_hours')
  issue(
    @CurrentPrincipal() principal: Principal,
    @Body() body: IssueCertificateDto,
    @Req() request: FastifyRequest,
  ): Promise<CertificateView> {
    const baseUrl = `${request.protocol}://${request.host}`;
    return this.certificates.issue(
      principal,
      body.organizationId,
      { idType: body.idType, idNumberMasked: body.idNumber ? maskIdNumber(body.idNumber) : undefined },
      baseUrl,
    );
  }

  @Get('me/certificates')
  @Authenticated()
  @ApiOperation({ summary: "The caller's certificates" })
  @ApiAnswer(200, { array: 'CertificateView' })
  myCertificates(@CurrentPrincipal() principal: Principal): Promise<CertificateView[]> {
    return this.certificates.mine(principal);
  }

  @Get('certificates/verify')
  @Public()
  @ApiOperation({ summary: 'Check a certificate by number and verification code (shows no ID number)' })
  @ApiAnswer(200, 'CertificateVerificationView')
  verifyCertificate(@Query() query: VerifyCertificateQueryDto): Promise<CertificateVerificationView> {
    return this.certificates.verify(query.number, query.code);
  }

  @Get('certificates/:id/document')
  @Authenticated()
  @ApiOperation({ summary: 'The certificate as a print-ready page (save as PDF from the browser)' })
  @ApiAnswer(200, { file: ['text/html'] })
  async document(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const html = await this.certificates.html(principal, id);
    void reply.type('text/html; charset=utf-8').header('content-disposition', `inline; filename="certificate-${id}.html"`).send(html);
  }

  @Post('certificates/:id/revoke')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a certificate with a reason (the issuing NGO)' })
  @ApiAnswer(200, 'CertificateView')
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: RequiredReasonDto,
  ): Promise<CertificateView> {
    return this.certificates.revoke(principal, id, body.reason);
  }
}
