import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';

export const MAX_CAPACITY = 10_000;
/** A date (the whole day, Beijing time) or a date-time with an offset. */
export const UNTIL_PATTERN = /^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** One shift (a camp is one shift over several days), or a series by RRULE. */
export class CreateShiftsDto {
  @ApiProperty({ example: '2026-09-05T09:00:00+08:00', description: 'start of the (first) shift' })
  @IsOffsetDateTime()
  startsAt!: string;

  @ApiProperty({ example: '2026-09-05T11:00:00+08:00', description: 'end of the (first) shift' })
  @IsOffsetDateTime()
  endsAt!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_CAPACITY, example: 4 })
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity!: number;

  @ApiPropertyOptional({
    example: 'FREQ=WEEKLY;BYDAY=SA',
    description: 'RFC 5545 rule, expanded in Asia/Shanghai time; at most 200 shifts',
  })
  @IsOptionalNonNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  rrule?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'with rrule (required then): no shift starts after this; a date means the end of that day, Beijing time',
  })
  @IsOptionalNonNull()
  @IsString()
  @Matches(UNTIL_PATTERN, { message: 'must be YYYY-MM-DD or an ISO-8601 date-time with an offset' })
  until?: string;
}
