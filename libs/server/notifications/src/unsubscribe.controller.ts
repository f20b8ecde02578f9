import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, Public } from '@mentorship/platform';
import { UnsubscribeViewDto } from './dto/notification.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

/**
 * The unsubscribe link of every notification email, without signing in: the signed token is
 * the credential and turns off one kind's email for one member. Reading it changes nothing
 * (mail scanners open links); only the POST does, from the page's button or a mail client's
 * one-click unsubscribe.
 */
@ApiTags('notifications')
@Controller('unsubscribe/:token')
export class UnsubscribeController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'What an unsubscribe link turns off' })
  @ApiOkResponse({ type: UnsubscribeViewDto })
  @ApiErrorCodes({ 404: ['unsubscribe_link_invalid'] })
  describe(@Param('token') token: string): Promise<UnsubscribeViewDto> {
    return this.preferences.describe(token);
  }

  @Public()
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Turn off the emails of the link’s kind (no sign-in)' })
  @ApiOkResponse({ type: UnsubscribeViewDto })
  @ApiErrorCodes({ 404: ['unsubscribe_link_invalid'] })
  unsubscribe(@Param('token') token: string): Promise<UnsubscribeViewDto> {
    return this.preferences.unsubscribe(token);
  }
}
