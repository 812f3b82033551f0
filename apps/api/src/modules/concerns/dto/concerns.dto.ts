import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CONCERN_CATEGORIES, CONCERN_STATUSES, type ConcernCategory, type ConcernStatus } from '@kindred/contracts';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RaiseConcernDto {
  @ApiProperty({ format: 'uuid', description: 'the NGO responsible for the child' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "a child of this NGO's registry" })
  @IsOptionalNonNull()
  @IsUUID()
  childId?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'who the child is, when not registered (required without childId); encrypted at rest',
  })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  childDescription?: string;

  @ApiProperty({ enum: CONCERN_CATEGORIES })
  @IsIn(CONCERN_CATEGORIES)
  category!: ConcernCategory;

  @ApiProperty({ maxLength: 4000, description: 'what was seen or heard; encrypted at rest, never logged' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ default: false, description: 'acknowledgement due within 1 h instead of 24 h' })
  @IsOptionalNonNull()
  @IsBoolean()
  immediateDanger?: boolean;

  @ApiPropertyOptional({ example: '2026-12-02T18:30:00+08:00', description: 'when it happened or was first known; not in the future' })
  @IsOptionalNonNull()
  @IsOffsetDateTime()
  occurredAt?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'where; encrypted at rest' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location?: string;
}

export class ReportDecisionDto {
  @ApiProperty({ description: 'reported to the police (公安) or another authority' })
  @IsBoolean()
  reportedToAuthorities!: boolean;

  @ApiPropertyOptional({ maxLength: 200, example: '邵阳县公安局塘渡口派出所', description: 'required when reported' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  authority?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'the receipt or case number' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'why not reported (required when not); encrypted at rest' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

export class CloseConcernDto {
  @ApiProperty({ maxLength: 4000, description: 'what was done and how it ended; encrypted at rest' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  outcome!: string;
}

export class ConcernsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONCERN_STATUSES })
  @IsOptional()
  @IsIn(CONCERN_STATUSES)
  status?: ConcernStatus;
}
