import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What became of a notification's email: `pending` until it is delivered, `sending` once the
 * delivery decided to email it, then `sent`; or `off` (the member turned this kind's email off).
 */
export const EMAIL_STATES = ['pending', 'sending', 'sent', 'off'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

/** One notification to one member: made once by its rule, delivered at `deliverAt`. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'recipient_user_id' })
  recipientUserId!: string;

  @Column('text', { name: 'recipient_email' })
  recipientEmail!: string;

  @Column('text', { name: 'recipient_name' })
  recipientName!: string;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  /** A path in the admin app ("/orgs/…/matches/…"), the thing the notification is about. */
  @Column('text', { nullable: true })
  link!: string | null;

  @Column('text', { name: 'subject_type', nullable: true })
  subjectType!: string | null;

  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('timestamptz', { name: 'deliver_at' })
  deliverAt!: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  /** Whether the member sees it in the notification centre (their in-app choice at delivery). */
  @Column('boolean', { name: 'shown_in_app' })
  shownInApp!: boolean;

  @Column('text', { name: 'email_state' })
  emailState!: EmailState;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
