import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the member last opened the organization, so someone in several lands on the one they
 * used last on any device (not the alphabetically first). Null: never opened since.
 */
export class MembershipLastUsed1764610000100 implements MigrationInterface {
  name = 'MembershipLastUsed1764610000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE memberships ADD COLUMN last_used_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE memberships DROP COLUMN IF EXISTS last_used_at`);
  }
}
