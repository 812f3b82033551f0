import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { NEED_STATUSES, NEED_TYPES, type NeedStatus, type NeedType } from '@kindred/contracts';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { IsRegionCode } from '../../../common/regions/is-region-code.decorator';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';
import { NEED_SORTS, type NeedSort } from '../sql/needs-search.sql';

/** `a,b` or `x=a&x=b` both become a list. */
const list = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.flatMap((v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()) : [v])).filter((v) => v !== '')
      : value;

export class SearchNeedsDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'one or more types: repeated (type=a&type=b) or comma-separated',
    enum: NEED_TYPES,
    isArray: true,
    example: ['tutoring', 'companionship'],
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(NEED_TYPES.length)
  @IsIn(NEED_TYPES, { each: true })
  type?: NeedType[];

  @ApiPropertyOptional({ description: 'GB/T 2260 code; matches the region and all its sub-regions', example: '430524' })
  @IsOptional()
  @IsString()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    description: 'skill codes (see GET /skills), comma-separated; needs requiring any of them',
    type: String,
    isArray: true,
    example: ['tutoring_math', 'tutoring_english'],
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9_]{1,40}$/, { each: true, message: 'must be skill codes (see GET /skills)' })
  skills?: string[];

  @ApiPropertyOptional({ description: 'lat,lng of a point; with radiusKm', example: '27.1117,111.0329' })
  @IsOptional()
  @Matches(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, { message: 'must be lat,lng in decimal degrees' })
  near?: string;

  @ApiPropertyOptional({ description: 'distance from `near` in km', minimum: 0.1, maximum: 500, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(500)
  radiusKm?: number;

  @ApiPropertyOptional({ description: 'needs whose time window ends at or after this', example: '2026-07-01T00:00:00+08:00' })
  @IsOptional()
  @IsOffsetDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'needs whose time window starts at or before this', example: '2026-08-31T23:59:59+08:00' })
  @IsOptional()
  @IsOffsetDateTime()
  to?: string;

  @ApiPropertyOptional({
    description: 'statuses, comma-separated; others than open, filled and in_progress only for your own organisations',
    enum: NEED_STATUSES,
    isArray: true,
    example: ['open'],
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(NEED_STATUSES, { each: true })
  status?: NeedStatus[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: NEED_SORTS, default: 'newest', description: 'newest first, or soonest start first' })
  @IsOptional()
  @IsIn(NEED_SORTS)
  sort?: NeedSort;
}
