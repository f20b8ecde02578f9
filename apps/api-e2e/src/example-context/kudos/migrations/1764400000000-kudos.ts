import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Kudos one member gives another. A tenant table: organization_id in its keys, RLS on. */
export class Kudos1764400000000 implements MigrationInterface {
  name = 'Kudos1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE kudos (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         from_user_id uuid NOT NULL,
         to_user_id uuid NOT NULL,
         message text NOT NULL,
         announced_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, to_user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
       )`,
      ...enableTenantRls('kudos'),
      grantToRuntime('kudos', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS kudos`);
  }
}
