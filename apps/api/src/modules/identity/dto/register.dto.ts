import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { LOCALES, type Locale } from '@kindred/contracts';
import { CN_MOBILE_PATTERN } from '../login.util';
import { PASSWORD_MAX_LENGTH } from '../password.service';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiPropertyOptional({ example: 'li.hua@example.cn' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '13800138000', description: 'mainland mobile number' })
  @IsOptionalNonNull()
  @IsString()
  @Matches(CN_MOBILE_PATTERN, { message: 'must be a mainland China mobile number (11 digits starting 13–19)' })
  phone?: string;

  @ApiProperty({ minLength: 8, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ example: '李华', maxLength: 60 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  displayName!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'zh-CN' })
  @IsOptionalNonNull()
  @IsIn(LOCALES)
  locale?: Locale;
}
