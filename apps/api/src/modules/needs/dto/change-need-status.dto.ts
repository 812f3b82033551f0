import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { NEED_STATUSES, type NeedStatus } from '@kindred/contracts';

export class ChangeNeedStatusDto {
  @ApiProperty({
    enum: NEED_STATUSES,
    description: 'draft → open → filled → in_progress → completed | cancelled (see the transition table)',
  })
  @IsIn(NEED_STATUSES)
  status!: NeedStatus;

  @ApiPropertyOptional({ maxLength: 500, description: 'told to the volunteers when the need is cancelled', example: '暴雨预警，活动取消' })
  @IsOptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}
