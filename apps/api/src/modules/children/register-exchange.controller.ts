import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RegisterComparisonView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { SubmissionQueryDto } from './dto/submission-query.dto';
import { REGISTER_MAX_BYTES, RegisterExchangeService, XLSX_CONTENT_TYPE } from './register-exchange.service';
import { ChildrenErrors } from './children.errors';

function sendXlsx(reply: FastifyReply, file: { filename: string; content: Buffer }): void {
  void reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/** Government registers in, submissions and the list export out (xlsx). */
@ApiTags('children')
@Controller('organizations/:orgId/children')
export class RegisterExchangeController {
  constructor(private readonly exchange: RegisterExchangeService) {}

  @Post('register-comparisons')
  @Authenticated()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Compare a government register (xlsx in a field named file: 姓名 / 身份证号 / 类别) with the registry (owners and coordinators); rows match children by keyed hash of the ID number only, nothing from the file is kept, and the answer names rows, child ids and aliases only',
  })
  @ApiAnswer(200, 'RegisterComparisonView')
  @ApiProblems('payload_too_large', 'unsupported_media_type')
  async compare(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId', UuidParam('orgId')) orgId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisterComparisonView> {
    if (!request.isMultipart()) throw ChildrenErrors.registerNotMultipart();
    const part = await request.file({ limits: { fileSize: REGISTER_MAX_BYTES, files: 1 } });
    if (!part || part.fieldname !== 'file') throw ChildrenErrors.invalid('file', 'is required', 'required');
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw ChildrenErrors.registerTooLarge(REGISTER_MAX_BYTES);
      }
      throw error;
    });
    void reply.status(200).header('cache-control', 'no-store');
    return this.exchange.compare(principal, orgId, content);
  }

  @Get('submission.xlsx')
  @Authenticated()
  @ApiOperation({
    summary:
      'The registry as it stood in a year, in the civil-affairs submission layout (xlsx), identity fields included (owners and coordinators; audited with the count) — the one identifying export',
  })
  @ApiAnswer(200, { file: [XLSX_CONTENT_TYPE] })
  async submission(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId', UuidParam('orgId')) orgId: string,
    @Query() query: SubmissionQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendXlsx(reply, await this.exchange.submission(principal, orgId, query.year));
  }

  @Get('export.xlsx')
  @Authenticated()
  @ApiOperation({
    summary:
      'The list as xlsx without identity (owners, coordinators and staff): alias, gender, age band, region, categories, risk, next visit due, overdue — never a name, ID number, address, guardian or school',
  })
  @ApiAnswer(200, { file: [XLSX_CONTENT_TYPE] })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId', UuidParam('orgId')) orgId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendXlsx(reply, await this.exchange.listExport(principal, orgId));
  }
}
