import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PLEDGE_STATUSES, type PledgeStatus } from '@kindred/contracts';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export class ListPledgesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['mine', 'organization', 'company'], default: 'mine', description: "whose pledges: the caller's, an NGO's received ones, or a company's" })
  @IsOptional()
  @IsIn(['mine', 'organization', 'company'])
  view?: 'mine' | 'organization' | 'company';

  @ApiPropertyOptional({ format: 'uuid', description: 'the NGO (view=organization) or company (view=company)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  needId?: string;

  @ApiPropertyOptional({ enum: PLEDGE_STATUSES })
  @IsOptional()
  @IsIn(PLEDGE_STATUSES)
  status?: PledgeStatus;
}
