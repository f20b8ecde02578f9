import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log: one row per mutation, in the mutation's organization. */
export class Audit1763770000300 implements MigrationInterface {
  name = 'Audit1763770000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE audit_events (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         actor_user_id uuid NOT NULL,
         action text NOT NULL,
         target_type text NOT NULL,
         target_id text NOT NULL,
         details jsonb NOT NULL DEFAULT '{}'::jsonb,
         occurred_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id)
       )`,
      `CREATE INDEX audit_events_time_idx ON audit_events (organization_id, occurred_at DESC)`,
      ...enableTenantRls('audit_events'),
      // Append-only for the application: it can write history but never rewrite it.
      grantToRuntime('audit_events', ['SELECT', 'INSERT']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS audit_events`);
  }
}
