import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AttendanceView,
  CancelSignupResult,
  CheckInCodeView,
  InvitationView,
  MyShiftRow,
  OrganizationRosterEntry,
  RosterView,
  ShiftVerificationResult,
  SignupView,
} from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import { AttendanceService } from './attendance.service';
import { CheckInDto, InviteDto, OptionalReasonDto, OrganizationRostersQueryDto } from './dto/engagement.dto';
import { HoursService } from './hours.service';
import { InvitationsService } from './invitations.service';
import { SignupsService } from './signups.service';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';

@ApiTags('engagement')
@Controller()
export class SignupsController {
  constructor(
    private readonly signups: SignupsService,
    private readonly attendance: AttendanceService,
    private readonly invitations: InvitationsService,
    private readonly hours: HoursService,
  ) {}

  @Post('shifts/:id/signups')
  @Authenticated()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Sign up: confirmed while seats last, then waitlisted in arrival order' })
  @ApiAnswer(201, 'SignupView')
  @ApiProblems(
    'already_signed_up',
    'schedule_conflict',
    'need_not_open',
    'safeguarding_required',
    'safeguarding_blocked',
    'code_of_conduct_required',
    'under_minimum_age',
    'idempotency_key_reused',
    'idempotency_in_progress',
  )
  signUp(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @IdempotencyKey() key: string | null,
  ): Promise<SignupView> {
    return this.signups.signUp(principal, id, key);
  }

  @Get('shifts/:id/signups')
  @Authenticated()
  @ApiOperation({ summary: 'The roster of a shift (owners and coordinators of the owning NGO)' })
  @ApiAnswer(200, 'RosterView')
  roster(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<RosterView> {
    return this.signups.roster(principal, id);
  }

  @Delete('signups/:id')
  @Authenticated()
  @ApiOperation({ summary: 'Cancel (the volunteer or a coordinator); the first eligible waitlisted volunteer is promoted at once' })
  @ApiAnswer(200, 'CancelSignupResult')
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<CancelSignupResult> {
    return this.signups.cancel(principal, id, body?.reason ?? null);
  }

  @Post('signups/:id/no-show')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a confirmed volunteer who did not come (coordinators)' })
  @ApiAnswer(200, 'SignupView')
  noShow(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<SignupView> {
    return this.signups.markNoShow(principal, id);
  }

  @Get('organizations/:id/rosters')
  @Authenticated()
  @ApiOperation({ summary: "The rosters of an organisation's shifts in a time window, in one answer (owners and coordinators)" })
  @ApiAnswer(200, { array: 'OrganizationRosterEntry' })
  organizationRosters(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Query() query: OrganizationRostersQueryDto,
  ): Promise<OrganizationRosterEntry[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to < from) throw DomainError.validation([{ field: 'to', message: 'must not be before from' }]);
    return this.signups.organizationRosters(principal, id, from, to, query.limit ?? 100);
  }

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

  @Post('shifts/:id/invitations')
  @Authenticated()
  @ApiOperation({ summary: 'Invite a volunteer to a shift (coordinators)' })
  @ApiAnswer(201, 'InvitationView')
  invite(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @Body() body: InviteDto,
  ): Promise<InvitationView> {
    return this.invitations.invite(principal, id, body.userId, body.message ?? null);
  }

  @Get('me/invitations')
  @Authenticated()
  @ApiOperation({ summary: "The caller's open invitations" })
  @ApiAnswer(200, { array: 'InvitationView' })
  myInvitations(@CurrentPrincipal() principal: Principal): Promise<InvitationView[]> {
    return this.invitations.mine(principal);
  }

  @Post('invitations/:id/accept')
  @Authenticated()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Accept: signs up through the same rules as anyone' })
  @ApiAnswer(201, 'SignupView')
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
    @IdempotencyKey() key: string | null,
  ): Promise<SignupView> {
    return this.invitations.accept(principal, id, key);
  }

  @Post('invitations/:id/decline')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation' })
  @ApiAnswer(200, 'InvitationView')
  decline(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<InvitationView> {
    return this.invitations.decline(principal, id);
  }

  @Get('me/shifts')
  @Authenticated()
  @ApiOperation({ summary: "The caller's sign-ups with waitlist positions and attendance" })
  @ApiAnswer(200, { array: 'MyShiftRow' })
  myShifts(@CurrentPrincipal() principal: Principal): Promise<MyShiftRow[]> {
    return this.signups.mine(principal);
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
