import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  AGE_BANDS,
  CHILD_CATEGORIES,
  CHILD_STATUSES,
  type AgeBand,
  type ChildCategory,
  type ChildCategoryGroup,
  type ChildStatus,
} from '@kindred/contracts';

/** `?category=a&category=b` or `?category=a,b`: a list either way. */
const list = ({ value }: { value: unknown }): unknown =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');

/** `GET /organizations/{orgId}/children`: filters are combined with AND; `category` values with OR. */
export class ListChildrenDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ enum: CHILD_CATEGORIES, isArray: true, description: 'any of these categories (repeat or comma-separate)' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(CHILD_CATEGORIES.length)
  @IsIn(CHILD_CATEGORIES, { each: true })
  category?: ChildCategory[];

  @ApiPropertyOptional({ enum: ['left_behind', 'in_difficulty'], description: 'any category of the group' })
  @IsOptional()
  @IsIn(['left_behind', 'in_difficulty'])
  group?: ChildCategoryGroup;

  @ApiPropertyOptional({ enum: AGE_BANDS, description: "age on today's Beijing date" })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({ example: '430523', description: 'GB/T 2260 code or its prefix: a county matches its townships' })
  @IsOptional()
  @Matches(/^\d{2,12}$/, { message: 'must be a region code (digits)' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only active children whose next visit is past due' })
  @IsOptional()
  @IsIn(['true', 'false'])
  visitOverdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: CHILD_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(CHILD_STATUSES)
  status?: ChildStatus;

  @ApiPropertyOptional({ maxLength: 50, description: 'an exact legal name (matched through its keyed hash, never plaintext) or an alias' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  q?: string;
}
