import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Patch,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgRoute, pageOf } from '@mentorship/platform';
import {
  MarkedReadDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  NotificationQueryDto,
  NotificationViewDto,
  UnreadCountDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification.dto';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsException } from './notifications.exception';
import { NotificationsService } from './notifications.service';

const notificationId = new ParseUUIDPipe({
  exceptionFactory: () => NotificationsException.notificationNotFound(),
});

/** Every member's own notification centre and settings: nobody sees another member's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('orgs/:orgId')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notification centre, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @OrgRoute([], { 400: ['validation_failed'] })
  async list(@Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const found = await this.notifications.inbox({
      unreadOnly: query.unread ?? false,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, (row) => NotificationViewDto.of(row));
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (the badge)' })
  @ApiOkResponse({ type: UnreadCountDto })
  @OrgRoute([])
  async unreadCount(): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount() };
  }

  @Post('notifications/read-all')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  @OrgRoute([])
  async readAll(): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markAllRead() };
  }

  @Post('notifications/:notificationId/read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationViewDto })
  @OrgRoute([], { 404: ['notification_not_found'] })
  async read(@Param('notificationId', notificationId) id: string): Promise<NotificationViewDto> {
    return NotificationViewDto.of(await this.notifications.markRead(id));
  }

  @Get('notification-preferences')
  @ApiOperation({ summary: 'My choices per kind of notification: in the app, by email' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @OrgRoute([])
  preferencesOfMine(): Promise<NotificationPreferencesDto> {
    return this.preferences.mine();
  }

  @Patch('notification-preferences')
  @ApiOperation({ summary: 'Change my choices for the kinds named; the others keep theirs' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @OrgRoute([], { 400: ['validation_failed'] })
  updatePreferences(@Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.preferences.update(body);
  }
}
