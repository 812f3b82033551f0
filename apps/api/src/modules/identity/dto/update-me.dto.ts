import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { LOCALES, type Locale } from '@kindred/contracts';

export class UpdateMeDto {
  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNonNull()
  @IsIn(LOCALES)
  locale?: Locale;
}
