import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MeResponse } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UpdateMeDto } from './dto/update-me.dto';
import { UsersService } from './users.service';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The caller, with memberships and platform role' })
  @ApiAnswer(200, 'MeResponse')
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.users.me(principal);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: 'Change display name or locale' })
  @ApiAnswer(200, 'MeResponse')
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<MeResponse> {
    return this.users.update(principal, body);
  }
}
