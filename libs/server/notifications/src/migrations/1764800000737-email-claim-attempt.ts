import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which attempt of its job claimed an email. A claim still `sending` that the same attempt made
 * belongs to a run that died mid-send (a killed worker: BullMQ runs the stalled job again with
 * the same attempt number), so the new run may send it; one an earlier attempt made belongs
 * to a run that ended in an error after its claim, which may have sent it, so it is not resent.
 */
export class EmailClaimAttempt1764800000737 implements MigrationInterface {
  name = 'EmailClaimAttempt1764800000737';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['email_deliveries', 'account_email_deliveries'])
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN claim_attempt integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['email_deliveries', 'account_email_deliveries'])
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS claim_attempt`);
  }
}
