import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily digest: a member may take one email a morning for all that morning's reminders.
 * Notifications waiting for it are `digest` until the digest is sent.
 */
export class NotificationDigests1764800000100 implements MigrationInterface {
  name = 'NotificationDigests1764800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE notification_digests (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         user_id uuid NOT NULL,
         daily_digest boolean NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, user_id),
         FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
       )`,
      ...enableTenantRls('notification_digests'),
      grantToRuntime('notification_digests', ['SELECT', 'INSERT', 'UPDATE']),
      // The email states as of this migration (not the entity's list, which may grow later).
      `ALTER TABLE notifications DROP CONSTRAINT notifications_email_state_valid`,
      `ALTER TABLE notifications ADD CONSTRAINT notifications_email_state_valid
         CHECK (email_state = ANY (${sqlTextArray(['pending', 'sending', 'sent', 'off', 'digest'])}))`,
      `CREATE INDEX notifications_digest_idx ON notifications (organization_id, recipient_user_id)
         WHERE email_state = 'digest'`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS notifications_digest_idx`);
    await queryRunner.query(`DROP TABLE IF EXISTS notification_digests`);
  }
}
