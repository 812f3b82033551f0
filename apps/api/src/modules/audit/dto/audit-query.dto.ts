import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ description: 'id of the last entry of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'is not a cursor this list gave out' })
  declare cursor?: string;
}
