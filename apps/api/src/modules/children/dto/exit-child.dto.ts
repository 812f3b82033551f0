import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsIn, Matches } from 'class-validator';
import { EXIT_REASONS, type ExitReason } from '@kindred/contracts';

/** `POST /children/{id}/exit`. */
export class ExitChildDto {
  @ApiProperty({ enum: EXIT_REASONS })
  @IsIn(EXIT_REASONS)
  reason!: ExitReason;

  @ApiProperty({ example: '2026-07-01', description: 'YYYY-MM-DD, not before registration and not in the future' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' })
  date!: string;
}
