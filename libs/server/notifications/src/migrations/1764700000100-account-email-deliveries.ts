import { grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries of account emails (the password-reset link): one per idempotency key, like
 * `email_deliveries`, but global like the users they go to, since no organization sends them.
 */
export class AccountEmailDeliveries1764700000100 implements MigrationInterface {
  name = 'AccountEmailDeliveries1764700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE account_email_deliveries (
         id uuid PRIMARY KEY,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         idempotency_key text NOT NULL,
         recipient text NOT NULL,
         subject text NOT NULL,
         status text NOT NULL,
         attempts integer NOT NULL DEFAULT 1,
         last_error text,
         sent_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT account_email_deliveries_status_valid CHECK (status IN ('sending','sent','failed'))
       )`,
      `CREATE UNIQUE INDEX account_email_deliveries_key ON account_email_deliveries (idempotency_key)`,
      `CREATE INDEX account_email_deliveries_user_idx ON account_email_deliveries (user_id)`,
      grantToRuntime('account_email_deliveries', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS account_email_deliveries`);
  }
}
