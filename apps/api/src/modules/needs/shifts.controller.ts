import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ShiftView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CancelShiftDto } from './dto/cancel-shift.dto';
import { UpdateShiftDto } from './dto/update-shift.dto';
import { ShiftsService } from './shifts.service';
import { ApiAnswer } from '../../common/http/openapi';

@ApiTags('needs')
@Controller('shifts')
export class ShiftsController {
  constructor(private readonly shifts: ShiftsService) {}

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One shift (visible with its need)' })
  @ApiAnswer(200, 'ShiftView')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ShiftView> {
    return this.shifts.get(principal, id);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Move a shift or change its capacity (never below the confirmed sign-ups); those signed up are told' })
  @ApiAnswer(200, 'ShiftView')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: UpdateShiftDto,
  ): Promise<ShiftView> {
    return this.shifts.update(principal, id, body);
  }

  @Post(':id/cancel')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel one shift; those signed up are told' })
  @ApiAnswer(200, 'ShiftView')
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CancelShiftDto,
  ): Promise<ShiftView> {
    return this.shifts.cancel(principal, id, body.reason ?? null);
  }
}
