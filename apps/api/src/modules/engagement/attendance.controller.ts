import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AttendanceView, CheckInCodeView, ShiftVerificationResult, SignupView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { AttendanceService } from './attendance.service';
import { CheckInDto } from './dto/engagement.dto';
import { HoursService } from './hours.service';

/** Attendance: the check-in code, checking in and out, no-shows, and verifying a shift's hours at once. */
@ApiTags('engagement')
@Controller()
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly hours: HoursService,
  ) {}

  @Get('shifts/:id/check-in-code')
  @Authenticated()
  @ApiOperation({ summary: 'The rotating check-in code for the QR display (coordinators)' })
  @ApiAnswer(200, 'CheckInCodeView')
  code(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<CheckInCodeView> {
    return this.attendance.code(principal, id);
  }

  @Post('shifts/:id/check-in')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Check in with the code shown at the activity; scanning twice changes nothing' })
  @ApiAnswer(200, 'AttendanceView')
  @ApiProblems('invalid_check_in_code', 'check_in_locked')
  checkIn(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: CheckInDto,
  ): Promise<AttendanceView> {
    return this.attendance.checkInWithCode(principal, id, body.token);
  }

  @Post('signups/:id/check-in')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a volunteer in by hand (coordinators)' })
  @ApiAnswer(200, 'AttendanceView')
  checkInByCoordinator(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<AttendanceView> {
    return this.attendance.checkInByCoordinator(principal, id);
  }

  @Post('signups/:id/check-out')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Check out (the volunteer or a coordinator): opens a pending hour record' })
  @ApiAnswer(200, 'AttendanceView')
  @ApiProblems('not_checked_in')
  checkOut(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<AttendanceView> {
    return this.attendance.checkOut(principal, id);
  }

  @Post('signups/:id/no-show')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a confirmed volunteer who did not come (coordinators)' })
  @ApiAnswer(200, 'SignupView')
  noShow(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<SignupView> {
    return this.attendance.markNoShow(principal, id);
  }

  @Post('shifts/:id/hours/verify')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify every pending hour record of a shift (coordinators)' })
  @ApiAnswer(200, 'ShiftVerificationResult')
  verifyShift(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<ShiftVerificationResult> {
    return this.hours.verifyShift(principal, id);
  }
}
