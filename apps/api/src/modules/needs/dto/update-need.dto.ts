import { PartialType } from '@nestjs/swagger';
import { NeedFieldsDto } from './create-need.dto';

/** Any subset of the need's fields; `null` clears an optional one. */
export class UpdateNeedDto extends PartialType(NeedFieldsDto) {}
