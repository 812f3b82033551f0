import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { PLEDGE_KINDS, type PledgeKind } from '@kindred/contracts';
import { PLEDGE_CHANNELS, type PledgeChannel } from '@kindred/contracts';

/** 100 million yuan: far above any single pledge, far below Number's exact range. */
export const MAX_FEN = 10_000_000_000;
export const MAX_QUANTITY = 1_000_000;

export class LineQuantityDto {
  @ApiProperty({ format: 'uuid', description: "id of one of the need's goods items" })
  @IsUUID()
  itemId!: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class CreatePledgeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  needId!: string;

  @ApiProperty({ enum: PLEDGE_KINDS })
  @IsIn(PLEDGE_KINDS)
  kind!: PledgeKind;

  @ApiPropertyOptional({ description: 'money pledges: integer fen (分)', minimum: 1 })
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

  @ApiPropertyOptional({ format: 'uuid', description: 'company the caller pledges for (owner or csr_manager)' })
  @IsOptionalNonNull()
  @IsUUID()
  onBehalfOf?: string;

  @ApiPropertyOptional({ enum: PLEDGE_CHANNELS, default: 'online_form' })
  @IsOptionalNonNull()
  @IsIn(PLEDGE_CHANNELS)
  channel?: PledgeChannel;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(500)
  note?: string;
}
