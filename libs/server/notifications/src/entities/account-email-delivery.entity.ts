import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EmailDeliveryStatus } from './email-delivery.entity';

/** One account email (no organization sends it) per idempotency key, however often its job runs. */
@Entity({ name: 'account_email_deliveries' })
export class AccountEmailDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column('text')
  recipient!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  status!: EmailDeliveryStatus;

  @Column('int')
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
