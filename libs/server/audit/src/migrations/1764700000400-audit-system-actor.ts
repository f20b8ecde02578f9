import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Work done for nobody (a deadline reached by a job) is audited with no actor: the system. */
export class AuditSystemActor1764700000400 implements MigrationInterface {
  name = 'AuditSystemActor1764700000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ALTER COLUMN actor_user_id DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM audit_events WHERE actor_user_id IS NULL`);
    await queryRunner.query(`ALTER TABLE audit_events ALTER COLUMN actor_user_id SET NOT NULL`);
  }
}
