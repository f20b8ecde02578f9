import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EmailDeliveryRecord } from './email-delivery.entity';

/** One account email (no organization sends it) per idempotency key, however often its job runs. */
@Entity({ name: 'account_email_deliveries' })
export class AccountEmailDeliveryEntity extends EmailDeliveryRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;
}
