import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsListOf, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import type { NotificationEntity } from '../entities/notification.entity';

/** The most kinds one preferences update may name (the product declares far fewer). */
const MAX_KINDS_PER_UPDATE = 100;

export class NotificationViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'trial.halfway' })
  kind!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty()
  body!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A path of the admin app, the thing the notification is about.',
  })
  link!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'match' })
  subjectType!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  subjectId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  deliveredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;

  static of(row: NotificationEntity): NotificationViewDto {
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      deliveredAt: (row.deliveredAt ?? row.deliverAt).toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    };
  }
}

export class NotificationPageDto extends PageOf(NotificationViewDto) {}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only the unread ones.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class UnreadCountDto {
  @ApiProperty({ description: 'Delivered notifications I have not read.' })
  unread!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many notifications this marked read.' })
  marked!: number;
}

export class NotificationPreferenceDto {
  @ApiProperty({ example: 'trial.halfway' })
  kind!: string;
  @ApiProperty({ example: 'Trial halfway' })
  label!: string;
  @ApiProperty()
  description!: string;
  @ApiProperty({
    enum: ['morning', 'now'],
    description: 'morning: at 09:00 in my time zone, on a working day.',
  })
  timing!: 'morning' | 'now';
  @ApiProperty({ description: "About a program's matches or requests: a program may turn it off." })
  perProgram!: boolean;
  @ApiProperty({ description: 'Shown in my notification centre.' })
  inApp!: boolean;
  @ApiProperty({ description: 'Sent to me by email.' })
  email!: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: NotificationPreferenceDto, isArray: true })
  kinds!: NotificationPreferenceDto[];

  @ApiProperty({
    description: 'One email each morning for all that morning’s reminders, instead of one email each.',
  })
  dailyDigest!: boolean;
}

export class ChannelChoiceDto {
  @ApiProperty({ example: 'trial.halfway' })
  @IsString()
  @MaxLength(100)
  kind!: string;

  @ApiProperty()
  @IsBoolean()
  inApp!: boolean;

  @ApiProperty()
  @IsBoolean()
  email!: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({
    type: ChannelChoiceDto,
    isArray: true,
    maxItems: MAX_KINDS_PER_UPDATE,
    description: 'The kinds to change; kinds not named keep their setting.',
    required: false,
  })
  @Omittable()
  @IsListOf(() => ChannelChoiceDto, MAX_KINDS_PER_UPDATE)
  kinds?: ChannelChoiceDto[];

  @ApiPropertyOptional({ description: 'One email each morning for all that morning’s reminders.' })
  @Omittable()
  @IsBoolean()
  dailyDigest?: boolean;
}

export class UnsubscribeViewDto {
  @ApiProperty({ example: 'trial.halfway' })
  kind!: string;
  @ApiProperty({ example: 'Trial halfway' })
  label!: string;
  @ApiProperty({ description: 'Whether this kind is still emailed to the link’s member.' })
  email!: boolean;
}
