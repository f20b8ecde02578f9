import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls, grantToRuntime } from '../tenant-rls';

/**
 * The transactional outbox: a job that follows a write is recorded in the write's own
 * transaction, then moved to BullMQ by the relay. Tenant rows like any other; the relay alone
 * reads across organizations, in transactions that set `app.outbox_relay`.
 */
export class JobOutbox1764300000000 implements MigrationInterface {
  name = 'JobOutbox1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const relaying = `current_setting('app.outbox_relay', true) = 'on'`;
    const statements = [
      `CREATE TABLE job_outbox (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         job_key text NOT NULL,
         job_name text NOT NULL,
         queue text NOT NULL,
         payload jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id)
       )`,
      // One pending row per job key: enqueuing the same job twice before it is relayed is a no-op.
      `CREATE UNIQUE INDEX job_outbox_key ON job_outbox (organization_id, job_key)`,
      `CREATE INDEX job_outbox_created_idx ON job_outbox (created_at)`,
      ...enableTenantRls('job_outbox'),
      `CREATE POLICY outbox_relay_read ON job_outbox FOR SELECT USING (${relaying})`,
      `CREATE POLICY outbox_relay_delete ON job_outbox FOR DELETE USING (${relaying})`,
      // SELECT ... FOR UPDATE needs an UPDATE policy; the relay locks rows but never changes one.
      `CREATE POLICY outbox_relay_lock ON job_outbox FOR UPDATE USING (${relaying}) WITH CHECK (false)`,
      grantToRuntime('job_outbox', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS job_outbox`);
  }
}
