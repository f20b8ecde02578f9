import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
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
import { RefreshDto, SessionViewDto, SignInDto, SignUpDto, UserViewDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({ summary: 'Create an account and start a session' })
  @ApiErrorCodes({ 400: ['validation_failed'], 409: ['email_taken'] })
  @Public()
  @Post('auth/sign-up')
  @ApiOkResponse({ type: SessionViewDto })
  signUp(@Body() body: SignUpDto): Promise<SessionViewDto> {
    return this.auth.signUp(body);
  }

  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['invalid_credentials'], 429: ['too_many_attempts'] })
  @Public()
  @Post('auth/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto })
  signIn(@Body() body: SignInDto, @ClientAddress() address: string): Promise<SessionViewDto> {
    return this.auth.signIn(body, address);
  }

  @ApiOperation({ summary: 'Trade the refresh token for a new session (rotation)' })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['invalid_refresh_token'] })
  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto })
  refresh(@Body() body: RefreshDto): Promise<SessionViewDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiOperation({ summary: 'Sign out: the refresh token family stops working' })
  @ApiErrorCodes({ 400: ['validation_failed'] })
  /** Public on purpose: the refresh token itself is the credential being revoked. */
  @Public()
  @Post('auth/sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  signOut(@Body() body: RefreshDto): Promise<void> {
    return this.auth.signOut(body.refreshToken);
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
}
