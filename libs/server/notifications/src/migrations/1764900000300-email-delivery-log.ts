import { sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery log: a failed send that its job will retry is `retrying`, one whose last retry
 * failed is `failed` (for good, shown to admins); each attempt's time is kept, and the log reads
 * an organization's deliveries newest first.
 */
export class EmailDeliveryLog1764900000300 implements MigrationInterface {
  name = 'EmailDeliveryLog1764900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The statuses as of this migration (not the entity's list, which may grow later).
    const statuses = sqlTextArray(['sending', 'retrying', 'sent', 'failed']);
    const statements = [
      `ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_status_valid`,
      `ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_status_valid CHECK (status = ANY (${statuses}))`,
      `ALTER TABLE email_deliveries ADD COLUMN last_attempt_at timestamptz`,
      `UPDATE email_deliveries SET last_attempt_at = coalesce(sent_at, created_at)`,
      `ALTER TABLE email_deliveries ALTER COLUMN last_attempt_at SET NOT NULL`,
      `ALTER TABLE email_deliveries ALTER COLUMN last_attempt_at SET DEFAULT now()`,
      `CREATE INDEX email_deliveries_log_idx ON email_deliveries (organization_id, created_at DESC, id)`,
      `ALTER TABLE account_email_deliveries DROP CONSTRAINT account_email_deliveries_status_valid`,
      `ALTER TABLE account_email_deliveries ADD CONSTRAINT account_email_deliveries_status_valid
         CHECK (status = ANY (${statuses}))`,
      `ALTER TABLE account_email_deliveries ADD COLUMN last_attempt_at timestamptz NOT NULL DEFAULT now()`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statuses = sqlTextArray(['sending', 'sent', 'failed']);
    for (const sql of [
      `DROP INDEX IF EXISTS email_deliveries_log_idx`,
      `UPDATE email_deliveries SET status = 'failed' WHERE status = 'retrying'`,
      `UPDATE account_email_deliveries SET status = 'failed' WHERE status = 'retrying'`,
      `ALTER TABLE email_deliveries DROP COLUMN last_attempt_at`,
      `ALTER TABLE account_email_deliveries DROP COLUMN last_attempt_at`,
      `ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_status_valid`,
      `ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_status_valid CHECK (status = ANY (${statuses}))`,
      `ALTER TABLE account_email_deliveries DROP CONSTRAINT account_email_deliveries_status_valid`,
      `ALTER TABLE account_email_deliveries ADD CONSTRAINT account_email_deliveries_status_valid
         CHECK (status = ANY (${statuses}))`,
    ])
      await queryRunner.query(sql);
  }
}
