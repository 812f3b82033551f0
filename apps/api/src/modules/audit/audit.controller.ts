import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView, Page } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { ApiAnswer } from '../../common/http/openapi';
import { AuditErrors } from './audit.errors';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "Page through an organisation's audit entries (owners), or all of them (platform administrators)" })
  @ApiAnswer(200, { page: 'AuditEntryView' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    if (!query.organizationId && !principal.isPlatformAdmin) {
      throw AuditErrors.organizationRequired();
    }
    const scope = query.organizationId ? requireOrgScope(principal, 'audit', 'AuditLog', query.organizationId) : null;
    return this.audit.page(scope, query.limit ?? 50, query.cursor ?? null);
  }
}
