import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';
import { MAX_CAPACITY } from './create-shifts.dto';

export class UpdateShiftDto {
  @ApiPropertyOptional({ example: '2026-09-05T09:30:00+08:00' })
  @IsOptionalNonNull()
  @IsOffsetDateTime()
  startsAt?: string;

  @ApiPropertyOptional({ example: '2026-09-05T11:30:00+08:00' })
  @IsOptionalNonNull()
  @IsOffsetDateTime()
  endsAt?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_CAPACITY, description: 'never below the confirmed sign-ups' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(MAX_CAPACITY)
  capacity?: number;
}
