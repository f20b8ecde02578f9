import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A member's choice for one kind: in the app, by email. No row: both on (the default). */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('text')
  kind!: string;

  @Column('boolean', { name: 'in_app' })
  inApp!: boolean;

  @Column('boolean')
  email!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
