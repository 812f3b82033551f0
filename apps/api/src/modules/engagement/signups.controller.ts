import { Body, Controller, Delete, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CancelSignupResult, SignupView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { OptionalReasonDto } from './dto/engagement.dto';
import { SignupsService } from './signups.service';

/** Signing up and cancelling. Lists: signup-lists.controller.ts; attendance and invitations have their own. */
@ApiTags('engagement')
@Controller()
export class SignupsController {
  constructor(private readonly signups: SignupsService) {}

  @Post('shifts/:id/signups')
  @Authenticated()
  @Idempotent()
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
  ): Promise<SignupView> {
    return this.signups.signUp(principal, id);
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
}
