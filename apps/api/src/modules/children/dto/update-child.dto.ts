import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDateString, IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { CreateChildDto } from './create-child.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * `PATCH /children/{id}`: any field of the registration except the household
 * and the registration date, with the file's `version` (optimistic concurrency).
 * Anything else is refused by the validation pipe, naming the field.
 */
export class UpdateChildDto extends PartialType(OmitType(CreateChildDto, ['householdOf', 'registeredOn'] as const)) {
  @ApiProperty({ minimum: 1, description: 'the `version` of the file as last read; another version → 409 conflict' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: 300, description: 'required when `categories` change; kept in the category history' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  categoryChangeReason?: string;

  @ApiPropertyOptional({ example: '2026-09-01', description: 'YYYY-MM-DD the category change takes effect; today by default' })
  @IsOptionalNonNull()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' })
  categoryChangeEffectiveOn?: string;
}
