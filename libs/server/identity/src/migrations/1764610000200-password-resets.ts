import { grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password-reset links: global like their users. Only the token's SHA-256 is stored; a link
 * works once (used_at) and until expires_at.
 */
export class PasswordResets1764610000200 implements MigrationInterface {
  name = 'PasswordResets1764610000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE password_resets (
         id uuid PRIMARY KEY,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         token_hash text NOT NULL,
         expires_at timestamptz NOT NULL,
         used_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX password_resets_token_hash_key ON password_resets (token_hash)`,
      `CREATE INDEX password_resets_user_idx ON password_resets (user_id)`,
      grantToRuntime('password_resets', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS password_resets`);
  }
}
