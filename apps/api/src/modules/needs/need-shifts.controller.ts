import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ShiftsCreatedView, ShiftView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { CreateShiftsDto } from './dto/create-shifts.dto';
import { ShiftsService } from './shifts.service';

/** A need's shifts: the list and adding shifts (one shift's own routes: shifts.controller.ts). */
@ApiTags('needs')
@Controller('needs')
export class NeedShiftsController {
  constructor(private readonly shifts: ShiftsService) {}

  @Get(':id/shifts')
  @Authenticated()
  @ApiOperation({ summary: 'The shifts of a need, by time' })
  @ApiAnswer(200, { list: 'ShiftView' })
  listShifts(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<{ data: ShiftView[] }> {
    return this.shifts.list(principal, id);
  }

  @Post(':id/shifts')
  @Authenticated()
  @ApiOperation({ summary: 'Add one shift (a camp: one shift over several days) or a series by RRULE up to `until` (at most 200)' })
  @ApiAnswer(201, 'ShiftsCreatedView')
  createShifts(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CreateShiftsDto,
  ): Promise<ShiftsCreatedView> {
    return this.shifts.create(principal, id, body);
  }
}
