import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthResponse } from '@kindred/contracts';
import { Public } from '../../common/auth/policy.decorator';
import type { AuthenticatedRequest } from '../../common/auth/auth.guard';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RegisterDto } from './dto/register.dto';
import { LocalLoginGuard } from './local-login.guard';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { ApiAnswer, ApiProblems } from '../../common/http/openapi';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Create an account with an e-mail address or a mainland mobile number' })
  @ApiAnswer(201, 'AuthResponse')
  @ApiProblems('login_taken', 'weak_password')
  register(@Body() body: RegisterDto): Promise<AuthResponse> {
    return this.auth.register(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LocalLoginGuard)
  @ApiOperation({ summary: 'Sign in; answers an access token (≤ 15 min) and a rotating refresh token' })
  @ApiAnswer(200, 'AuthResponse')
  @ApiProblems('invalid_credentials', 'account_locked')
  login(@Req() request: AuthenticatedRequest, @Body() _body: LoginDto): AuthResponse {
    return request.user as unknown as AuthResponse;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Swap a refresh token for a new pair; a reused token ends the whole session family' })
  @ApiAnswer(200, 'AuthResponse')
  @ApiProblems('refresh_invalid', 'refresh_reused')
  refresh(@Body() body: RefreshDto): Promise<AuthResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session family of this refresh token' })
  @ApiAnswer(204, null)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
