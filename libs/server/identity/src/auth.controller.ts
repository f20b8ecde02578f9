import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, ClientAddress, CurrentUser, Public, SignedIn } from '@mentorship/platform';
import { AuthService } from './auth.service';
import { RefreshDto, SessionViewDto, SignInDto, SignUpDto, UserViewDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/sign-up')
  @ApiOkResponse({ type: SessionViewDto })
  signUp(@Body() body: SignUpDto): Promise<SessionViewDto> {
    return this.auth.signUp(body);
  }

  @Public()
  @Post('auth/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto })
  signIn(@Body() body: SignInDto, @ClientAddress() address: string): Promise<SessionViewDto> {
    return this.auth.signIn(body, address);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto })
  refresh(@Body() body: RefreshDto): Promise<SessionViewDto> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Public on purpose: the refresh token itself is the credential being revoked. */
  @Public()
  @Post('auth/sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  signOut(@Body() body: RefreshDto): Promise<void> {
    return this.auth.signOut(body.refreshToken);
  }

  @SignedIn()
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserViewDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserViewDto> {
    return this.auth.me(user.id);
  }
}
