import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { IsRegionCode } from '../../../common/regions/is-region-code.decorator';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';

/** Same bound as a pledge line (giving): far above any real offer. */
export const MAX_OFFER_QUANTITY = 1_000_000;

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class OfferLocationDto {
  @ApiProperty({ example: 27.1117, minimum: -90, maximum: 90 })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: 111.0329, minimum: -180, maximum: 180 })
  @IsLongitude()
  lng!: number;
}

export class CreateOfferDto {
  @ApiProperty({ example: '羽绒服', maxLength: 100, description: 'what is offered; matched to needs by normalised name and synonyms' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  item!: string;

  @ApiProperty({ example: '件', maxLength: 20 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_OFFER_QUANTITY, example: 200 })
  @IsInt()
  @Min(1)
  @Max(MAX_OFFER_QUANTITY)
  quantity!: number;

  @ApiProperty({ example: '430524', description: 'GB/T 2260 code of where the goods are' })
  @IsString()
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ type: OfferLocationDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => OfferLocationDto)
  location?: OfferLocationDto;

  @ApiProperty({
    example: '2027-03-31T23:59:59+08:00',
    description: 'the offer stands until then (in the future, at most two years ahead)',
  })
  @IsOffsetDateTime()
  until!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a company you give for (owner or csr_manager)' })
  @IsOptionalNonNull()
  @IsUUID()
  onBehalfOf?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class AcceptOfferLineDto {
  @ApiProperty({ format: 'uuid', description: "id of one of the need's goods items" })
  @IsUUID()
  itemId!: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_OFFER_QUANTITY)
  quantity!: number;
}

export class AcceptOfferDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  needId!: string;

  @ApiProperty({ type: [AcceptOfferLineDto], description: "the need's lines this offer fills, at most the offered quantity in all" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AcceptOfferLineDto)
  lines!: AcceptOfferLineDto[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(500)
  note?: string;
}
