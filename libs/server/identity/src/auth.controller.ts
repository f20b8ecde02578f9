import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorCodes,
  AuthenticatedUser,
  ClientAddress,
  CurrentUser,
  Public,
  SignedIn,
} from '@mentorship/platform';
import { AuthService } from './auth.service';
import { IdentityException } from './identity.exception';
import { RefreshCookie } from './refresh-cookie.service';
import { RefreshDto, SessionViewDto, SignInDto, SignUpDto, UserViewDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

  @ApiOperation({ summary: 'Create an account and start a session' })
  @ApiErrorCodes({ 400: ['validation_failed'], 409: ['email_taken'] })
  @Public()
  @Post('auth/sign-up')
  @ApiOkResponse({ type: SessionViewDto })
  async signUp(
    @Body() body: SignUpDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionViewDto> {
    return this.deliver(request, response, await this.auth.signUp(body));
  }

  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['invalid_credentials'], 429: ['too_many_attempts'] })
  @Public()
  @Post('auth/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto })
  async signIn(
    @Body() body: SignInDto,
    @ClientAddress() address: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionViewDto> {
    return this.deliver(request, response, await this.auth.signIn(body, address));
  }

  @ApiOperation({ summary: 'Trade the refresh token for a new session (rotation)' })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['invalid_refresh_token'], 403: ['cross_site_refresh'] })
  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto })
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionViewDto> {
    const token = this.presented(request, body);
    try {
      return this.deliver(request, response, await this.auth.refresh(token));
    } catch (error) {
      // A refused cookie is of no more use: the browser forgets it.
      if (this.cookie.wanted(request)) this.cookie.clear(response);
      throw error;
    }
  }

  @ApiOperation({ summary: 'Sign out: the refresh token family stops working' })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  /** Public on purpose: the refresh token itself is the credential being revoked. */
  @Public()
  @Post('auth/sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  async signOut(
    @Body() body: RefreshDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (this.cookie.wanted(request)) {
      const token = this.cookie.read(request);
      this.cookie.clear(response);
      if (token) await this.auth.signOut(token);
      return;
    }
    if (body.refreshToken) await this.auth.signOut(body.refreshToken);
  }

  @ApiOperation({ summary: 'The signed-in person' })
  @ApiErrorCodes({ 401: ['unauthenticated'], 404: ['user_not_found'] })
  @SignedIn()
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserViewDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserViewDto> {
    return this.auth.me(user.id);
  }

  /** The browser app's token comes from its cookie, every other client's from the body. */
  private presented(request: Request, body: RefreshDto): string {
    const token = this.cookie.wanted(request) ? this.cookie.read(request) : body.refreshToken;
    if (!token) throw IdentityException.invalidRefreshToken();
    return token;
  }

  private deliver(request: Request, response: Response, session: SessionViewDto): SessionViewDto {
    return this.cookie.wanted(request) ? this.cookie.answer(response, session) : session;
  }
}
