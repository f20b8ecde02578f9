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
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';
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

  @OrgMember()
  @Get('notifications')
  @ApiOperation({ summary: 'My notification centre, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['unauthenticated'], 404: ['organization_not_found'] })
  async list(@Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const found = await this.notifications.inbox({
      unreadOnly: query.unread ?? false,
      offset: query.offset,
      limit: query.pageSize,
    });
    return {
      items: found.rows.map((row) => NotificationViewDto.of(row)),
      page: query.page,
      pageSize: query.pageSize,
      total: found.total,
    };
  }

  @OrgMember()
  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (the badge)' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found'] })
  async unreadCount(): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount() };
  }

  @OrgMember()
  @Post('notifications/read-all')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found'] })
  async readAll(): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markAllRead() };
  }

  @OrgMember()
  @Post('notifications/:notificationId/read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationViewDto })
  @ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found', 'notification_not_found'] })
  async read(@Param('notificationId', notificationId) id: string): Promise<NotificationViewDto> {
    return NotificationViewDto.of(await this.notifications.markRead(id));
  }

  @OrgMember()
  @Get('notification-preferences')
  @ApiOperation({ summary: 'My choices per kind of notification: in the app, by email' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiErrorCodes({ 401: ['unauthenticated'], 404: ['organization_not_found'] })
  preferencesOfMine(): Promise<NotificationPreferencesDto> {
    return this.preferences.mine();
  }

  @OrgMember()
  @Patch('notification-preferences')
  @ApiOperation({ summary: 'Change my choices for the kinds named; the others keep theirs' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiErrorCodes({ 400: ['validation_failed'], 401: ['unauthenticated'], 404: ['organization_not_found'] })
  updatePreferences(@Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.preferences.update(body);
  }
}
