import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Email deliveries: one per idempotency key and organization, however often its job runs. */
export class Notifications1763770000400 implements MigrationInterface {
  name = 'Notifications1763770000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE email_deliveries (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         idempotency_key text NOT NULL,
         recipient text NOT NULL,
         subject text NOT NULL,
         status text NOT NULL,
         attempts integer NOT NULL DEFAULT 1,
         last_error text,
         sent_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         CONSTRAINT email_deliveries_status_valid CHECK (status IN ('sending','sent','failed'))
       )`,
      // The side effect's idempotency: one delivery per key, whatever the number of job runs.
      `CREATE UNIQUE INDEX email_deliveries_key ON email_deliveries (organization_id, idempotency_key)`,
      ...enableTenantRls('email_deliveries'),
      grantToRuntime('email_deliveries', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS email_deliveries`);
  }
}
