import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * `retrying`: the last attempt failed and its job will try again (BullMQ's back-off); `failed`:
 * the job's last attempt failed too, for good.
 */
export const EMAIL_DELIVERY_STATUSES = ['sending', 'retrying', 'sent', 'failed'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/** What every delivery records, in an organization's ledger or the accounts' one. */
export abstract class EmailDeliveryRecord {
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

  @Column('timestamptz', { name: 'last_attempt_at' })
  lastAttemptAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One email per idempotency key and organization, however often its job runs. */
@Entity({ name: 'email_deliveries' })
export class EmailDeliveryEntity extends EmailDeliveryRecord {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  /** The job attempt that holds a 'sending' claim (see the claim_attempt migration). */
  @Column('int', { name: 'claim_attempt', nullable: true })
  claimAttempt!: number | null;
}
