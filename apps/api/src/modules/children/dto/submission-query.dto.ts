import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class SubmissionQueryDto {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, example: 2026, description: 'the year the submission covers; this year by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
