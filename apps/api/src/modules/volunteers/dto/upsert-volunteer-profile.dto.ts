import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNonNull } from '../../../common/validation/is-optional-non-null.decorator';
import { IsRegionCode } from '../../../common/regions/is-region-code.decorator';
import { GeoPointDto } from './geo-point.dto';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class AvailabilitySlotDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({ example: '14:00', description: 'HH:mm, Beijing time' })
  @Matches(HH_MM, { message: 'must be HH:mm' })
  from!: string;

  @ApiProperty({ example: '17:30', description: 'HH:mm, Beijing time, after `from`' })
  @Matches(HH_MM, { message: 'must be HH:mm' })
  to!: string;
}

export class UpsertVolunteerProfileDto {
  @ApiProperty({ type: [String], example: ['tutoring_math', 'companionship'], description: 'codes from GET /skills' })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  skills!: string[];

  @ApiProperty({ type: [String], example: ['普通话', '湘语'], description: 'languages and dialects' })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(30, { each: true })
  languages!: string[];

  @ApiProperty({ example: '430524101', description: 'GB/T 2260 code, down to township' })
  @IsString()
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ type: GeoPointDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;

  @ApiProperty({ type: [AvailabilitySlotDto] })
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => AvailabilitySlotDto)
  availability!: AvailabilitySlotDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 300, description: 'most hours a month the volunteer wants to give' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  @Max(300)
  monthlyHourCap?: number;

  @ApiPropertyOptional({ example: '1998-05-20', description: 'YYYY-MM-DD; used only for minimum-age rules' })
  @IsOptionalNonNull()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a company the caller is a member of' })
  @IsOptionalNonNull()
  @IsUUID()
  employerOrganizationId?: string;
}
