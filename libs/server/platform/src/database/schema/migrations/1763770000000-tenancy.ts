import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantExecuteToRuntime } from '../tenant-rls';

/** The settings every tenant policy reads; each context's tables come in their own migrations. */
export class Tenancy1763770000000 implements MigrationInterface {
  name = 'Tenancy1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Unset or empty means "no tenant": NULL matches no row, so unscoped queries see nothing.
      `CREATE FUNCTION current_organization_id() RETURNS uuid LANGUAGE sql STABLE AS
         $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$`,
      grantExecuteToRuntime('current_organization_id()'),
      // The signed-in person, for the one cross-organization read: "my organizations".
      `CREATE FUNCTION current_app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
         $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`,
      grantExecuteToRuntime('current_app_user_id()'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS current_organization_id()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS current_app_user_id()`);
  }
}
