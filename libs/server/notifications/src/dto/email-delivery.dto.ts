import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf, PageQueryDto } from '@mentorship/platform';
import { IsIn, IsOptional } from 'class-validator';
import {
  EMAIL_DELIVERY_STATUSES,
  type EmailDeliveryEntity,
  type EmailDeliveryStatus,
} from '../entities/email-delivery.entity';

/** One email of the organization's delivery log (admins): what happened to it, not what it said. */
export class EmailDeliveryViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'mentee@example.com' })
  recipient!: string;
  @ApiProperty({ example: 'Halfway through your trial with Ada' })
  subject!: string;
  @ApiProperty({
    enum: EMAIL_DELIVERY_STATUSES,
    description:
      'sending: being handed to the SMTP server; retrying: the last attempt failed, another follows; sent; failed: the last attempt failed too.',
  })
  status!: EmailDeliveryStatus;
  @ApiProperty({ description: 'How many times it was handed to the SMTP server (1 unless retried).' })
  attempts!: number;
  @ApiProperty({ description: 'Sent or failed after more than one attempt.' })
  retried!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the last attempt failed (what the SMTP server answered, or the timeout).',
  })
  lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  lastAttemptAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  static of(row: EmailDeliveryEntity): EmailDeliveryViewDto {
    return {
      id: row.id,
      recipient: row.recipient,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      retried: row.attempts > 1,
      // A sent email's earlier failure is history: the log says it was retried.
      lastError: row.status === 'sent' ? null : row.lastError,
      createdAt: row.createdAt.toISOString(),
      lastAttemptAt: row.lastAttemptAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    };
  }
}

export class EmailDeliveryPageDto extends PageOf(EmailDeliveryViewDto) {}

export class EmailDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_DELIVERY_STATUSES, description: 'Only the deliveries in this state.' })
  @IsOptional()
  @IsIn(EMAIL_DELIVERY_STATUSES)
  status?: EmailDeliveryStatus;
}
