import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delayed jobs (a match request that expires after the program's days): the row says when the
 * job may run at the earliest, and the relay hands it to BullMQ with the delay left.
 */
export class JobOutboxDelay1764700100000 implements MigrationInterface {
  name = 'JobOutboxDelay1764700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE job_outbox ADD COLUMN not_before timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE job_outbox DROP COLUMN IF EXISTS not_before`);
  }
}
