import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToRuntime } from '../tenant-rls';

/**
 * Two global tables of the job platform:
 * - `account_job_outbox`: the outbox of account jobs (DEVELOPMENT.md, "Jobs"), work for one
 *   person that belongs to no organization (the password-reset email). Like `users`, it has no
 *   tenant, so no row security: its rows name a user, and only the relay reads them.
 * - `schedule_runs`: one row per schedule tick a worker ran, so operators (and the tests) can
 *   see that each tick ran once however many workers there are.
 */
export class AccountJobsAndSchedules1764700000000 implements MigrationInterface {
  name = 'AccountJobsAndSchedules1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE account_job_outbox (
         id uuid PRIMARY KEY,
         user_id uuid NOT NULL,
         job_key text NOT NULL,
         job_name text NOT NULL,
         queue text NOT NULL,
         payload jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX account_job_outbox_key ON account_job_outbox (job_key)`,
      `CREATE INDEX account_job_outbox_created_idx ON account_job_outbox (created_at)`,
      // UPDATE only for the relay's FOR UPDATE lock.
      grantToRuntime('account_job_outbox', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
      `CREATE TABLE schedule_runs (
         schedule text NOT NULL,
         tick_at timestamptz NOT NULL,
         attempt integer NOT NULL,
         ran_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX schedule_runs_tick_idx ON schedule_runs (schedule, tick_at)`,
      grantToRuntime('schedule_runs', ['SELECT', 'INSERT', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS schedule_runs`);
    await queryRunner.query(`DROP TABLE IF EXISTS account_job_outbox`);
  }
}
