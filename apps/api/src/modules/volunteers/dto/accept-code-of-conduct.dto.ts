import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AcceptCodeOfConductDto {
  @ApiProperty({ example: '2026.1', description: 'the version the volunteer read (must be the current one)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  version!: string;
}
