import { grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of what no organization can keep: done by the system (a schedule) and outliving
 * the organization it is about, such as the purge of an organization, which erases that
 * organization's own audit log with the rest of its rows. Global and append-only.
 */
export class SystemAudit1764700000300 implements MigrationInterface {
  name = 'SystemAudit1764700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE system_audit_events (
         id uuid PRIMARY KEY,
         action text NOT NULL,
         target_type text NOT NULL,
         target_id text NOT NULL,
         details jsonb NOT NULL DEFAULT '{}'::jsonb,
         occurred_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX system_audit_events_target_idx ON system_audit_events (target_type, target_id)`,
      grantToRuntime('system_audit_events', ['SELECT', 'INSERT']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS system_audit_events`);
  }
}
