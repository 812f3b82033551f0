import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import {
  SAFEGUARDING_AUTHORITIES,
  SAFEGUARDING_CHECK_KINDS,
  SAFEGUARDING_OFFENCE_SCOPES,
  SAFEGUARDING_RESULTS,
  type SafeguardingAuthority,
  type SafeguardingCheckKind,
  type SafeguardingOffenceScope,
  type SafeguardingResult,
} from '@kindred/contracts';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';

export class RecordSafeguardingCheckDto {
  @ApiProperty({ enum: SAFEGUARDING_CHECK_KINDS, example: 'entry_inquiry' })
  @IsIn(SAFEGUARDING_CHECK_KINDS)
  kind!: SafeguardingCheckKind;

  // `record_found`, the name answers used before the API's own word `flagged` was adopted, is still accepted.
  @ApiProperty({
    enum: SAFEGUARDING_RESULTS,
    description: '`flagged`: the inquiry found a record (a permanent block until a platform administrator lifts it)',
  })
  @Transform(({ value }: { value: unknown }) => (value === 'record_found' ? 'flagged' : value))
  @IsIn(SAFEGUARDING_RESULTS, { message: 'must be clear or flagged' })
  result!: SafeguardingResult;

  @ApiProperty({ example: '2026-03-02T10:00:00+08:00', description: 'when the authority was queried' })
  @IsOffsetDateTime()
  checkedAt!: string;

  @ApiPropertyOptional({ example: '2027-03-02T10:00:00+08:00', description: 'at most 12 months after checkedAt (the default)' })
  @IsOptionalNonNull()
  @IsOffsetDateTime()
  expiresAt?: string;

  @ApiPropertyOptional({
    enum: SAFEGUARDING_OFFENCE_SCOPES,
    isArray: true,
    description: 'offences the inquiry covered; all four by default',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SAFEGUARDING_OFFENCE_SCOPES, { each: true })
  offenceScope?: SafeguardingOffenceScope[];

  @ApiPropertyOptional({ enum: SAFEGUARDING_AUTHORITIES, default: 'public_security' })
  @IsOptionalNonNull()
  @IsIn(SAFEGUARDING_AUTHORITIES)
  issuingAuthority?: SafeguardingAuthority;

  @ApiPropertyOptional({ maxLength: 80, description: "the authority's reply or certificate number" })
  @IsOptionalNonNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  reference?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the verified NGO recording it; needed only when the caller coordinates several' })
  @IsOptionalNonNull()
  @IsUUID()
  organizationId?: string;
}
