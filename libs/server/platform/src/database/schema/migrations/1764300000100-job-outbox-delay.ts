import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A job may wait until a given time: the relay hands it to BullMQ as a delayed job. */
export class JobOutboxDelay1764300000100 implements MigrationInterface {
  name = 'JobOutboxDelay1764300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE job_outbox ADD COLUMN run_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE job_outbox DROP COLUMN IF EXISTS run_at`);
  }
}
