import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CertificateVerificationView, CertificateView, EmployeeHoursView, HourRecordView, MyHoursView, OrganizationHoursView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, Public } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { maskIdNumber } from './certificate.document';
import { CertificatesService } from './certificates.service';
import { IssueCertificateDto, OptionalReasonDto, RequiredReasonDto, VerifyCertificateQueryDto } from './dto/engagement.dto';
import { HoursService } from './hours.service';

@ApiTags('engagement')
@Controller()
export class HoursController {
  constructor(
    private readonly hours: HoursService,
    private readonly certificates: CertificatesService,
  ) {}

  @Post('hour-records/:id/verify')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify a pending hour record (coordinators); verified records never change' })
  verify(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<HourRecordView> {
    return this.hours.decide(principal, id, 'verified', body?.reason ?? null);
  }

  @Post('hour-records/:id/reject')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a pending hour record with a reason (coordinators)' })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<HourRecordView> {
    return this.hours.decide(principal, id, 'rejected', body?.reason ?? null);
  }

  @Post('hour-records/:id/reverse')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Correct a verified record by a reversing record (coordinators)' })
  reverse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: RequiredReasonDto,
  ): Promise<HourRecordView> {
    return this.hours.reverse(principal, id, body.reason);
  }

  @Get('me/hours')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's hours ledger: verified and pending minutes, reliability and records" })
  mine(@CurrentPrincipal() principal: Principal): Promise<MyHoursView> {
    return this.hours.mine(principal);
  }

  @Get('organizations/:id/hours')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: "An NGO's verified and pending minutes, volunteers and minutes per month" })
  organization(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
  ): Promise<OrganizationHoursView> {
    return this.hours.organizationTotals(principal, id);
  }

  @Get('organizations/:id/employee-hours')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: "A company's employees' verified volunteer hours (owner, csr_manager)" })
  company(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<EmployeeHoursView> {
    return this.hours.companyTotals(principal, id);
  }

  @Post('certificates')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Ask the NGO that recorded your verified hours for a service record certificate' })
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
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's certificates" })
  myCertificates(@CurrentPrincipal() principal: Principal): Promise<CertificateView[]> {
    return this.certificates.mine(principal);
  }

  @Get('certificates/verify')
  @Public()
  @ApiOperation({ summary: 'Check a certificate by number and verification code (shows no ID number)' })
  verifyCertificate(@Query() query: VerifyCertificateQueryDto): Promise<CertificateVerificationView> {
    return this.certificates.verify(query.number, query.code);
  }

  @Get('certificates/:id/document')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The certificate as a print-ready page (save as PDF from the browser)' })
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
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a certificate with a reason (the issuing NGO)' })
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: RequiredReasonDto,
  ): Promise<CertificateView> {
    return this.certificates.revoke(principal, id, body.reason);
  }
}
