import { ApiProperty } from '@nestjs/swagger';
import { IsLatitude, IsLongitude } from 'class-validator';

export class GeoPointDto {
  @ApiProperty({ example: 27.1117, minimum: -90, maximum: 90 })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: 111.0329, minimum: -180, maximum: 180 })
  @IsLongitude()
  lng!: number;
}
