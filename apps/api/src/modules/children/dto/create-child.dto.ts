import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CHILD_CATEGORIES,
  GENDERS,
  LIVING_ARRANGEMENTS,
  RISK_LEVELS,
  SOCIAL_ASSISTANCE,
  type ChildCategory,
  type Gender,
  type LivingArrangement,
  type RiskLevel,
  type SocialAssistance,
} from '@kindred/contracts';
import { IsRegionCode } from '../../../common/regions/is-region-code.decorator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class GuardianDto {
  @ApiProperty({ maxLength: 50, example: '王秀英' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ maxLength: 40, example: '祖母' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  relation!: string;

  @ApiPropertyOptional({ maxLength: 20, example: '13800138000' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @Matches(/^\+?[0-9][0-9 -]{4,19}$/, { message: 'must be a phone number' })
  phone?: string;
}

export class CreateChildDto {
  @ApiProperty({ maxLength: 50, example: '李小明', description: 'identity field: encrypted at rest' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  legalName!: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: Gender;

  @ApiProperty({ example: '2015-04-12', description: 'YYYY-MM-DD, not in the future, under 18 at registration' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' })
  birthDate!: string;

  @ApiPropertyOptional({ example: '430523201504120012', description: 'GB 11643 (18 characters); identity field: encrypted at rest' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @MaxLength(18)
  idNumber?: string;

  @ApiProperty({ example: '430523', description: 'GB/T 2260 code, down to township (9 digits)' })
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'identity field: encrypted at rest' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address?: string;

  @ApiProperty({ enum: CHILD_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHILD_CATEGORIES, { each: true })
  categories!: ChildCategory[];

  @ApiPropertyOptional({ format: 'uuid', description: 'a sibling already registered: the new child joins that household' })
  @IsOptionalNonNull()
  @IsUUID()
  householdOf?: string;

  @ApiPropertyOptional({ type: [GuardianDto], description: 'identity fields: encrypted at rest' })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => GuardianDto)
  guardians?: GuardianDto[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  schoolName?: string;

  @ApiPropertyOptional({ maxLength: 40, example: '三年级' })
  @IsOptionalNonNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  grade?: string;

  @ApiPropertyOptional({ enum: LIVING_ARRANGEMENTS })
  @IsOptionalNonNull()
  @IsIn(LIVING_ARRANGEMENTS)
  livingArrangement?: LivingArrangement;

  @ApiPropertyOptional({ enum: SOCIAL_ASSISTANCE, default: 'none' })
  @IsOptionalNonNull()
  @IsIn(SOCIAL_ASSISTANCE)
  socialAssistance?: SocialAssistance;

  @ApiPropertyOptional({ enum: RISK_LEVELS, default: 'low', description: 'sets the home-visit cadence' })
  @IsOptionalNonNull()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'YYYY-MM-DD; today by default' })
  @IsOptionalNonNull()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' })
  registeredOn?: string;
}
