import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsInt,
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
import { LineQuantityDto, MAX_FEN } from './create-pledge.dto';

export class CreateReceiptDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen?: number;

  @ApiPropertyOptional({ type: [LineQuantityDto] })
  @IsOptionalNonNull()
  @ValidateNested({ each: true })
  @Type(() => LineQuantityDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines?: LineQuantityDto[];

  @ApiPropertyOptional({ description: 'official donation receipt number (公益事业捐赠票据)', maxLength: 64 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(64)
  receiptNumber?: string;

  @ApiPropertyOptional({ description: 'when it arrived; defaults to now' })
  @IsOptionalNonNull()
  @IsDateString({ strict: true })
  receivedAt?: string;
}

class BandCountsDto {
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  male?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  female?: number;
}

export class BeneficiariesDto {
  @ApiPropertyOptional({ type: BandCountsDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => BandCountsDto)
  under6?: BandCountsDto;

  @ApiPropertyOptional({ type: BandCountsDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => BandCountsDto)
  age6to14?: BandCountsDto;

  @ApiPropertyOptional({ type: BandCountsDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => BandCountsDto)
  age15to18?: BandCountsDto;
}

export class CreateUsageDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen?: number;

  @ApiPropertyOptional({ type: [LineQuantityDto] })
  @IsOptionalNonNull()
  @ValidateNested({ each: true })
  @Type(() => LineQuantityDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines?: LineQuantityDto[];

  @ApiProperty({ example: '在桃洪镇中心小学向40名留守儿童发放冬衣', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description!: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1000000)
  beneficiaryCount!: number;

  @ApiPropertyOptional({ type: BeneficiariesDto, description: 'counts by age band and gender; never identities' })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => BeneficiariesDto)
  beneficiaries?: BeneficiariesDto;

  @ApiPropertyOptional({ description: 'township or coarser (GB/T 2260)' })
  @IsOptionalNonNull()
  @IsRegionCode()
  placeRegionCode?: string;

  @ApiProperty({ description: 'when it was used' })
  @IsDateString({ strict: true })
  usedAt!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptionalNonNull()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(20)
  evidenceIds?: string[];
}

export class ReasonDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class EvidenceUrlQueryDto {
  @ApiProperty()
  @IsUUID()
  u!: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  e!: number;

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  s!: string;
}

export class CancelPledgeDto extends ReasonDto {}
