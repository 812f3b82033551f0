import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MATCHING } from '../matching.config';

/** `true`/`false` in a query string; anything else stays a string and fails @IsBoolean, naming the field. */
const booleanText = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

class RankedPageDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MATCHING.page.maxLimit, default: MATCHING.page.defaultLimit })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MATCHING.page.maxLimit)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}

export class FeedQueryDto extends RankedPageDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'also suggest full shifts (you would join the waitlist)' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'must be true or false' })
  includeFull?: boolean;
}

export class CandidatesQueryDto extends RankedPageDto {
  @ApiPropertyOptional({ format: 'uuid', description: "one of the need's shifts; by default its next shift that has not started" })
  @IsOptional()
  @IsUUID()
  shiftId?: string;
}

export class GoodsMatchesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MATCHING.page.maxLimit, default: MATCHING.page.defaultLimit })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MATCHING.page.maxLimit)
  limit?: number;
}
