import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { requireOrgScope } from '../../common/auth/abilities';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService, type AuditEntryView } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "Page through an organisation's audit entries (owners), or all of them (platform administrators)" })
  list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQueryDto): Promise<{ data: AuditEntryView[]; nextCursor: string | null }> {
    if (!query.organizationId && !principal.isPlatformAdmin) {
      throw DomainError.validation([{ field: 'organizationId', message: 'organizationId is required' }]);
    }
    const scope = query.organizationId ? requireOrgScope(principal, 'audit', 'AuditLog', query.organizationId) : null;
    return this.audit.page(scope, query.limit ?? 50, query.cursor ?? null);
  }
}
