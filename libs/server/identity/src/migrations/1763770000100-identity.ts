import { grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People and their refresh tokens: global, not tenant-owned (one person, several organizations). */
export class Identity1763770000100 implements MigrationInterface {
  name = 'Identity1763770000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE users (
         id uuid PRIMARY KEY,
         email text NOT NULL,
         display_name text NOT NULL,
         password_hash text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT users_email_lower CHECK (email = lower(email))
       )`,
      `CREATE UNIQUE INDEX users_email_key ON users (email)`,
      grantToRuntime('users', ['SELECT', 'INSERT', 'UPDATE']),

      `CREATE TABLE refresh_tokens (
         id uuid PRIMARY KEY,
         family_id uuid NOT NULL,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         token_hash text NOT NULL,
         expires_at timestamptz NOT NULL,
         used_at timestamptz,
         revoked_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash)`,
      `CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`,
      grantToRuntime('refresh_tokens', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS refresh_tokens`);
    await queryRunner.query(`DROP TABLE IF EXISTS users`);
  }
}
