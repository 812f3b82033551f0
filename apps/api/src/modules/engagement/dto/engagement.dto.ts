import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { HOUR_RECORD_STATUSES, type HourRecordStatus } from '@kindred/contracts';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';

export class CheckInDto {
  @ApiProperty({ example: '482913', description: 'the six-digit code shown (or encoded in the QR code) at the activity' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the six-digit code' })
  token!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class RequiredReasonDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason!: string;
}

export class InviteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(300)
  message?: string;
}

export const ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照'] as const;

export class IssueCertificateDto {
  @ApiProperty({ format: 'uuid', description: 'the NGO that recorded the hours' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({ enum: ID_TYPES })
  @IsOptionalNonNull()
  @IsIn(ID_TYPES)
  idType?: (typeof ID_TYPES)[number];

  @ApiPropertyOptional({ description: 'printed masked (first six and last four characters); never stored whole' })
  @IsOptionalNonNull()
  @IsString()
  @Matches(/^[0-9A-Za-z]{6,20}$/, { message: 'must be 6–20 letters or digits' })
  idNumber?: string;
}

export class VerifyCertificateQueryDto {
  @ApiProperty({ example: 'KC-2026-000042' })
  @IsString()
  @Matches(/^KC-\d{4}-\d{6,}$/, { message: 'is not a certificate number' })
  number!: string;

  @ApiProperty({ example: 'AB12CD34' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{8}$/, { message: 'is not a verification code' })
  code!: string;
}

/** `GET /organizations/{id}/hour-records`: by status and the day of service, newest first, in keyset pages. */
export class OrganizationHourRecordsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HOUR_RECORD_STATUSES })
  @IsOptional()
  @IsIn(HOUR_RECORD_STATUSES)
  status?: HourRecordStatus;

  @ApiPropertyOptional({ description: 'records of service at or after this', example: '2026-11-01T00:00:00+08:00' })
  @IsOptional()
  @IsOffsetDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'records of service at or before this', example: '2026-12-31T23:59:59+08:00' })
  @IsOptional()
  @IsOffsetDateTime()
  to?: string;
}

/** A time window of an organisation's shifts (`GET /organizations/{id}/rosters`). */
export class OrganizationRostersQueryDto {
  @ApiProperty({ description: 'shifts ending at or after this', example: '2026-11-01T00:00:00+08:00' })
  @IsOffsetDateTime()
  from!: string;

  @ApiProperty({ description: 'shifts starting at or before this', example: '2026-12-31T23:59:59+08:00' })
  @IsOffsetDateTime()
  to!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100, description: 'at most this many shifts, earliest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
