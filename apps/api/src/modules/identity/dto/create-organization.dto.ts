import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsRegionCode } from '../../../common/regions/is-region-code.decorator';

export class CreateOrganizationDto {
  @ApiProperty({ enum: ['ngo', 'company'] })
  @IsIn(['ngo', 'company'])
  kind!: 'ngo' | 'company';

  @ApiProperty({ example: '隆回县爱心儿童关爱协会', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '430524', description: 'GB/T 2260 code' })
  @IsString()
  @IsRegionCode()
  regionCode!: string;
}
