import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ASSESSMENT_KINDS,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  FOLLOW_UP_ROLES,
  SERVICE_KINDS,
  type AssessmentKind,
  type ConsentMethod,
  type ConsentScope,
  type FollowUpRole,
  type ServiceKind,
} from '@kindred/contracts';
import { IsOffsetDateTime } from '../../../common/validation/is-offset-date-time.decorator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A calendar date, YYYY-MM-DD. */
function IsCalendarDate(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsDateString({ strict: true })(target, key);
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' })(target, key);
  };
}

export class PutConsentDto {
  @ApiProperty({ maxLength: 50, example: '王秀英', description: "the guardian's name; identity field: encrypted at rest" })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  givenBy!: string;

  @ApiProperty({ maxLength: 40, example: '祖母' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  relation!: string;

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS)
  method!: ConsentMethod;

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scopes!: ConsentScope[];

  @ApiProperty({ example: '2026-03-01T10:00:00+08:00', description: 'when the guardian consented; not in the future' })
  @IsOffsetDateTime()
  givenAt!: string;

  @ApiPropertyOptional({ example: '2027-03-01T00:00:00+08:00', description: 'after givenAt' })
  @IsOptionalNonNull()
  @IsOffsetDateTime()
  expiresAt?: string;
}

export class CreateServiceDto {
  @ApiProperty({ enum: SERVICE_KINDS, description: 'a `family_visit` moves nextVisitDue; a `parent_child_call` the last parent contact' })
  @IsIn(SERVICE_KINDS)
  kind!: ServiceKind;

  @ApiProperty({ example: '2026-03-05', description: 'YYYY-MM-DD, not in the future' })
  @IsCalendarDate()
  date!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "a need of the child's NGO" })
  @IsOptionalNonNull()
  @IsUUID()
  needId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "a shift of the child's NGO (of needId, when both are given)" })
  @IsOptionalNonNull()
  @IsUUID()
  shiftId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "a pledge to the child's NGO whose use this was" })
  @IsOptionalNonNull()
  @IsUUID()
  pledgeId?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'required for cash_aid and grant, and only there' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  amountFen?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'required for material_aid; allowed for stationery and free_lunch' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a follow-up pairing of this child this service was a contact of' })
  @IsOptionalNonNull()
  @IsUUID()
  followUpId?: string;
}

export class CreateAssessmentDto {
  @ApiProperty({ enum: ASSESSMENT_KINDS })
  @IsIn(ASSESSMENT_KINDS)
  kind!: AssessmentKind;

  @ApiProperty({ example: '2026-03-05', description: 'YYYY-MM-DD, not in the future' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  concern?: boolean;
}

export class CreateFollowUpDto {
  @ApiProperty({ format: 'uuid', description: "a social worker: a member of the child's NGO; a volunteer: with a valid safeguarding check" })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: FOLLOW_UP_ROLES })
  @IsIn(FOLLOW_UP_ROLES)
  role!: FollowUpRole;

  @ApiProperty({ minimum: 1, maximum: 365, example: 7 })
  @IsInt()
  @Min(1)
  @Max(365)
  contactEveryDays!: number;

  @ApiPropertyOptional({ example: '2026-03-05', description: 'YYYY-MM-DD, not in the future; today by default' })
  @IsOptionalNonNull()
  @IsCalendarDate()
  startedOn?: string;
}

export class EndFollowUpDto {
  @ApiPropertyOptional({ example: '2026-09-01', description: 'YYYY-MM-DD, not in the future and not before startedOn; today by default' })
  @IsOptionalNonNull()
  @IsCalendarDate()
  endedOn?: string;
}

export class LinkBeneficiariesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: "children of the need's NGO, each with a current service_delivery consent" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  childIds!: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', maxLength: 200 } },
    example: { '0b6f…': ['对花生过敏'] },
    description: "per child id, the facts the need's volunteers may see on their activity card (each one a grant); replaces that child's grants",
  })
  @IsOptionalNonNull()
  @IsObject()
  needToKnow?: Record<string, string[]>;
}
