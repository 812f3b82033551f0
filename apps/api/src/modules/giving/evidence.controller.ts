import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, Public } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { EVIDENCE_CSP } from '../../common/http/security-headers';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { EvidenceUrlQueryDto } from './dto/ledger.dto';
import { EvidenceUploadQueryDto } from './dto/evidence-upload-query.dto';
import { EVIDENCE_MAX_BYTES } from './evidence.processor';
import type { EvidenceView } from '@kindred/contracts';
import { EvidenceService } from './evidence.service';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { GivingErrors } from './giving.errors';

@ApiTags('giving')
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @Authenticated()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Upload a photo (JPEG/PNG/WebP) or PDF as evidence of a use (NGO owners and coordinators); metadata is stripped, PDFs with active content are refused (422)',
  })
  @ApiAnswer(201, 'EvidenceView')
  @ApiProblems('evidence_invalid', 'evidence_active_content', 'evidence_unreadable', 'payload_too_large', 'unsupported_media_type')
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Query() query: EvidenceUploadQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<EvidenceView> {
    if (!request.isMultipart()) throw GivingErrors.notMultipart();
    const part = await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
    if (!part || part.fieldname !== 'file') throw GivingErrors.fileRequired();
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw GivingErrors.fileTooLarge(EVIDENCE_MAX_BYTES);
      }
      throw error;
    });
    return this.evidence.upload(principal, query.organizationId, content);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A fresh short-lived link to one evidence file' })
  @ApiAnswer(200, 'EvidenceView')
  link(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<EvidenceView> {
    return this.evidence.link(principal, id);
  }

  @Get(':id/content')
  @Public()
  @ApiOperation({ summary: 'The file, through a signed link that expires within minutes' })
  @ApiAnswer(200, { file: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] })
  async content(
    @Param('id', UuidParam('id')) id: string,
    @Query() query: EvidenceUrlQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.evidence.content(id, query, request.headers.authorization);
    // Photos open in the browser; a PDF is downloaded, never rendered in the app's origin.
    const disposition = file.contentType === 'application/pdf' ? `attachment; filename="evidence-${id}.pdf"` : 'inline';
    void reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, max-age=60')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', EVIDENCE_CSP)
      .header('content-disposition', disposition)
      .send(file.content);
  }
}
