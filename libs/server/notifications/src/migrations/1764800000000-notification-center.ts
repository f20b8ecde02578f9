import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EMAIL_STATES } from '../entities/notification.entity';

/**
 * The notification centre: one row per notification a member gets (however often the rule that
 * makes it runs: a unique key), and members' choices per kind and channel.
 */
export class NotificationCenter1764800000000 implements MigrationInterface {
  name = 'NotificationCenter1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE notifications (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         recipient_user_id uuid NOT NULL,
         recipient_email text NOT NULL,
         recipient_name text NOT NULL,
         kind text NOT NULL,
         idempotency_key text NOT NULL,
         title text NOT NULL,
         body text NOT NULL,
         link text,
         subject_type text,
         subject_id uuid,
         deliver_at timestamptz NOT NULL,
         delivered_at timestamptz,
         shown_in_app boolean NOT NULL DEFAULT false,
         email_state text NOT NULL DEFAULT 'pending',
         read_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         -- A member who leaves the organization takes their notifications along.
         FOREIGN KEY (organization_id, recipient_user_id)
           REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE,
         CONSTRAINT notifications_email_state_valid CHECK (email_state = ANY (${sqlTextArray(EMAIL_STATES)}))
       )`,
      // The rule's idempotency: the same reminder made twice is one notification.
      `CREATE UNIQUE INDEX notifications_key ON notifications (organization_id, idempotency_key)`,
      // The centre: a member's delivered notifications, newest first, and the unread count.
      `CREATE INDEX notifications_inbox_idx ON notifications (organization_id, recipient_user_id, delivered_at DESC, id)
         WHERE shown_in_app`,
      ...enableTenantRls('notifications'),
      grantToRuntime('notifications', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
      `CREATE TABLE notification_preferences (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         user_id uuid NOT NULL,
         kind text NOT NULL,
         in_app boolean NOT NULL,
         email boolean NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, user_id, kind),
         FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
       )`,
      ...enableTenantRls('notification_preferences'),
      grantToRuntime('notification_preferences', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notification_preferences', 'notifications'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
