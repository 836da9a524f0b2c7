import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { SESSION_COOKIE, type LoginResponse, type MeResponse } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidCredentials } from '../auth.errors';
import { CurrentPrincipal } from '../decorators/current-principal.decorator';
import { PersonOnly } from '../decorators/person-only.decorator';
import { Public } from '../decorators/public.decorator';
import { ErrorResponseDto } from '../dto/error-response.dto';
import { ChangePasswordDto, LoginDto } from '../dto/login.dto';
import { LoginResponseDto, MeResponseDto } from '../dto/session-user.dto';
import type { Principal } from '../principal';
import { SessionsService } from '../services/sessions.service';
import { toSessionUser, UsersService } from '../services/users.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets the httpOnly session cookie and returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong email or password (no hint which)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address or for this account; see Retry-After' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Too many sign-ins at once (AUTH_BUSY); see Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const user = await this.users.verifyCredentials(body.email, body.password);
    if (!user) throw invalidCredentials();
    const { token, expiresAt } = await this.sessions.open(user.id, request.headers['user-agent']);
    await this.users.recordLogin(user.id);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https' || !!this.config.publicUrl?.startsWith('https:'),
      path: '/',
      expires: expiresAt,
    });
    return { user: toSessionUser(user), accessToken: token, expiresAt: expiresAt.toISOString() };
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in (or which user an API token acts for)' })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  me(@CurrentPrincipal() principal: Principal): MeResponse {
    return { user: principal.user, via: principal.via };
  }

  @Post('password')
  @HttpCode(204)
  @PersonOnly()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Change your own password (needs the current one); your other sessions end' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'Current password wrong, new one too short or the same as the current one',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    const keep = principal.via === 'session' ? principal.credentialId : null;
    await this.users.changePassword(principal.user.id, keep, body.currentPassword, body.newPassword);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session and clears the cookie' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (principal.via === 'session') await this.sessions.revoke(principal.credentialId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
