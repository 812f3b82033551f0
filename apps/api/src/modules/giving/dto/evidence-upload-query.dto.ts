import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class EvidenceUploadQueryDto {
  @ApiProperty({ format: 'uuid', description: 'the NGO the evidence belongs to' })
  @IsUUID()
  organizationId!: string;
}
