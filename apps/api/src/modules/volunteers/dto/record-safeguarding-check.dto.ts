import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import {
  SAFEGUARDING_AUTHORITIES,
  SAFEGUARDING_CHECK_KINDS,
  SAFEGUARDING_OFFENCE_SCOPES,
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

  // API.md names a record `flagged`; it is stored as `record_found`.
  @ApiProperty({ enum: ['clear', 'record_found', 'flagged'], description: '`flagged` is accepted as a synonym of `record_found`' })
  @Transform(({ value }: { value: unknown }) => (value === 'flagged' ? 'record_found' : value))
  @IsIn(['clear', 'record_found'], { message: 'must be clear, record_found or flagged' })
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
