import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InvitationView, SignupView } from '@kindred/contracts';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/policy.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiAnswer } from '../../common/http/openapi';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { InviteDto } from './dto/engagement.dto';
import { InvitationsService } from './invitations.service';

/** Invitations to a shift: sent by coordinators, accepted (a sign-up) or declined by the volunteer. */
@ApiTags('engagement')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

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
  @Idempotent()
  @ApiOperation({ summary: 'Accept: signs up through the same rules as anyone' })
  @ApiAnswer(201, 'SignupView')
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam('id')) id: string,
  ): Promise<SignupView> {
    return this.invitations.accept(principal, id);
  }

  @Post('invitations/:id/decline')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation' })
  @ApiAnswer(200, 'InvitationView')
  decline(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam('id')) id: string): Promise<InvitationView> {
    return this.invitations.decline(principal, id);
  }
}
