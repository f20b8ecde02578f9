import { Body, Controller, HttpCode, HttpStatus, Patch, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiOperation,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrorCodes,
  AuthenticatedUser,
  ClientAddress,
  CurrentUser,
  Public,
  SignedIn,
} from '@mentorship/platform';
import { AccountService } from './account.service';
import { RefreshCookie } from './refresh-cookie.service';
import { SessionViewDto, UserViewDto } from './dto/auth.dto';
import {
  ChangePasswordDto,
  ConfirmPasswordResetDto,
  PasswordResetRequestDto,
  UpdateMeDto,
} from './dto/account.dto';

@ApiTags('account')
@Controller()
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly cookie: RefreshCookie,
  ) {}

  @ApiOperation({ summary: 'Email a password-reset link, if the address has an account' })
  @ApiErrorCodes({ 400: ['validation_failed'], 429: ['too_many_attempts'] })
  /** Always 202, account or not: the answer never says whether the address has one. */
  @Public()
  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'If the address has an account, a reset link is on its way.' })
  requestPasswordReset(
    @Body() body: PasswordResetRequestDto,
    @ClientAddress() address: string,
  ): Promise<void> {
    return this.account.requestPasswordReset(body.email, address);
  }

  @ApiOperation({ summary: 'Set a new password with the emailed token' })
  @ApiErrorCodes({ 400: ['validation_failed'], 410: ['invalid_reset_token'] })
  /** Public on purpose: the emailed single-use token is the credential. */
  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Password set; every session of the account has ended.' })
  resetPassword(@Body() body: ConfirmPasswordResetDto): Promise<void> {
    return this.account.resetPassword(body);
  }

  @ApiOperation({ summary: 'Change my password (ends my other sessions)' })
  @ApiErrorCodes({ 400: ['validation_failed', 'wrong_password'], 401: ['unauthenticated'] })
  @SignedIn()
  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionViewDto, description: "This device's next session; all others ended." })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionViewDto> {
    const session = await this.account.changePassword(user.id, body);
    return this.cookie.wanted(request) ? this.cookie.answer(response, session) : session;
  }

  @ApiOperation({ summary: 'Edit my name' })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['unauthenticated'] })
  @SignedIn()
  @ApiBearerAuth()
  @Patch('me')
  @ApiOkResponse({ type: UserViewDto })
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<UserViewDto> {
    return this.account.updateMe(user.id, body);
  }
}
