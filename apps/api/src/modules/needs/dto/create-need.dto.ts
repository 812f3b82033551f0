import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NEED_TYPES, type NeedType } from '@kindred/contracts';
import { IsRegionCode } from '../../../common/regions/is-region-code.decorator';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';
import { GeoPointDto } from './geo-point.dto';

/** 100 million yuan: far above any need, far below Number's exact integer range. */
export const MAX_TARGET_FEN = 10_000_000_000;
export const MAX_ITEM_QUANTITY = 1_000_000;

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class NeedItemDto {
  @ApiProperty({ example: '冬衣', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '件', maxLength: 20 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit!: string;

  @ApiProperty({ example: 40, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_ITEM_QUANTITY)
  quantity!: number;
}

/** The fields a coordinator writes; shared by create (with organizationId) and update (all optional). */
export class NeedFieldsDto {
  @ApiProperty({ enum: NEED_TYPES })
  @IsIn(NEED_TYPES)
  type!: NeedType;

  @ApiProperty({ example: '桃花坪街道周六数学辅导', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ example: '430524001', description: 'GB/T 2260 code (county or township)' })
  @IsString()
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ example: '桃花坪街道中心小学', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  place?: string | null;

  @ApiPropertyOptional({ type: GeoPointDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto | null;

  @ApiPropertyOptional({
    description:
      'volunteers meet children; defaults to true for tutoring, companionship, summer_camp, counselling, family_visit, parent_child_call',
  })
  @IsOptional()
  @IsBoolean()
  childContact?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['tutoring_math'], description: 'codes from GET /skills' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  requiredSkills?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 99, example: 18 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  minAge?: number | null;

  @ApiPropertyOptional({ format: 'uuid', description: "one of the organisation's programmes" })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @ApiPropertyOptional({ example: '2026-07-10T08:00:00+08:00' })
  @IsOptional()
  @IsOffsetDateTime()
  startsAt?: string | null;

  @ApiPropertyOptional({ example: '2026-07-20T17:00:00+08:00' })
  @IsOptional()
  @IsOffsetDateTime()
  endsAt?: string | null;

  @ApiPropertyOptional({ type: [NeedItemDto], description: 'goods lines (type goods only)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NeedItemDto)
  items?: NeedItemDto[];

  @ApiPropertyOptional({ description: 'money target in integer fen (分)', minimum: 1, example: 500000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_FEN)
  targetFen?: number | null;

  @ApiPropertyOptional({ description: 'children served (a count)', minimum: 0, example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  beneficiaryCount?: number;
}

export class CreateNeedDto extends NeedFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'the NGO posting it (the caller owns or coordinates it)' })
  @IsUUID()
  organizationId!: string;
}
