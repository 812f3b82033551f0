import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NeedView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CreateNeedDto } from './dto/create-need.dto';
import { UpdateNeedDto } from './dto/update-need.dto';
import { NeedAuthoringService } from './need-authoring.service';

/** Creating a need as a draft and editing it. */
@ApiTags('needs')
@Controller('needs')
export class NeedAuthoringController {
  constructor(private readonly needs: NeedAuthoringService) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Create a need as a draft (owners and coordinators of the NGO)' })
  @ApiAnswer(201, 'NeedView')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateNeedDto): Promise<NeedView> {
    return this.needs.create(principal, body);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Edit a need (type and goods lines only while it is a draft)' })
  @ApiAnswer(200, 'NeedView')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: UpdateNeedDto,
  ): Promise<NeedView> {
    return this.needs.update(principal, id, body);
  }
}
