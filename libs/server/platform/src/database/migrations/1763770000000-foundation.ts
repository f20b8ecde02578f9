import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, grantToRuntime } from '../tenant-sql';

/**
 * Identity (global), organizations, memberships, invitations, audit log and email
 * deliveries (tenant-owned). Keys and foreign keys of tenant tables include
 * organization_id, so no row can point into another organization and the schema can be
 * distributed by organization.
 */
export class Foundation1763770000000 implements MigrationInterface {
  name = 'Foundation1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Unset or empty means "no tenant": NULL matches no row, so unscoped queries see nothing.
      `CREATE FUNCTION current_organization_id() RETURNS uuid LANGUAGE sql STABLE AS
         $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$`,
      `GRANT EXECUTE ON FUNCTION current_organization_id() TO mentorship_runtime`,
      // The signed-in person, for the one cross-organization read: "my organizations".
      `CREATE FUNCTION current_app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
         $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`,
      `GRANT EXECUTE ON FUNCTION current_app_user_id() TO mentorship_runtime`,

      `CREATE TABLE users (
         id uuid PRIMARY KEY,
         email text NOT NULL,
         display_name text NOT NULL,
         password_hash text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT users_email_lower CHECK (email = lower(email))
       )`,
      `CREATE UNIQUE INDEX users_email_key ON users (email)`,
      grantToRuntime('users', 'SELECT, INSERT, UPDATE'),

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
      grantToRuntime('refresh_tokens', 'SELECT, INSERT, UPDATE'),

      `CREATE TABLE organizations (
         id uuid PRIMARY KEY,
         name text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      ...enableTenantIsolation('organizations', 'id'),
      grantToRuntime('organizations', 'SELECT, INSERT, UPDATE'),

      `CREATE TABLE memberships (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         roles text[] NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, user_id),
         CONSTRAINT memberships_roles_valid CHECK (
           cardinality(roles) > 0 AND roles <@ ARRAY['admin','coordinator','mentor','mentee']::text[])
       )`,
      `CREATE INDEX memberships_user_idx ON memberships (user_id)`,
      ...enableTenantIsolation('memberships'),
      // A person may read their own memberships in every organization (and nothing else).
      `CREATE POLICY own_memberships_read ON memberships FOR SELECT USING (user_id = current_app_user_id())`,
      `CREATE POLICY member_organizations_read ON organizations FOR SELECT USING (
         EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = organizations.id AND m.user_id = current_app_user_id()))`,
      grantToRuntime('memberships', 'SELECT, INSERT, UPDATE, DELETE'),

      `CREATE TABLE invitations (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         email text NOT NULL,
         roles text[] NOT NULL,
         status text NOT NULL DEFAULT 'pending',
         invited_by uuid NOT NULL REFERENCES users (id),
         expires_at timestamptz NOT NULL,
         accepted_at timestamptz,
         accepted_by uuid REFERENCES users (id),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         CONSTRAINT invitations_status_valid CHECK (status IN ('pending','accepted','revoked')),
         CONSTRAINT invitations_roles_valid CHECK (
           cardinality(roles) > 0 AND roles <@ ARRAY['admin','coordinator','mentor','mentee']::text[])
       )`,
      // One open invitation per address and organization.
      `CREATE UNIQUE INDEX invitations_pending_email_key ON invitations (organization_id, email) WHERE status = 'pending'`,
      ...enableTenantIsolation('invitations'),
      grantToRuntime('invitations', 'SELECT, INSERT, UPDATE'),

      `CREATE TABLE audit_events (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         actor_user_id uuid NOT NULL,
         action text NOT NULL,
         target_type text NOT NULL,
         target_id text NOT NULL,
         details jsonb NOT NULL DEFAULT '{}'::jsonb,
         occurred_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id)
       )`,
      `CREATE INDEX audit_events_time_idx ON audit_events (organization_id, occurred_at DESC)`,
      ...enableTenantIsolation('audit_events'),
      // Append-only for the application: it can write history but never rewrite it.
      grantToRuntime('audit_events', 'SELECT, INSERT'),

      `CREATE TABLE email_deliveries (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         idempotency_key text NOT NULL,
         recipient text NOT NULL,
         subject text NOT NULL,
         status text NOT NULL,
         attempts integer NOT NULL DEFAULT 1,
         last_error text,
         sent_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         CONSTRAINT email_deliveries_status_valid CHECK (status IN ('sending','sent','failed'))
       )`,
      // The side effect's idempotency: one delivery per key, whatever the number of job runs.
      `CREATE UNIQUE INDEX email_deliveries_key ON email_deliveries (organization_id, idempotency_key)`,
      ...enableTenantIsolation('email_deliveries'),
      grantToRuntime('email_deliveries', 'SELECT, INSERT, UPDATE'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'email_deliveries',
      'audit_events',
      'invitations',
      'memberships',
      'organizations',
      'refresh_tokens',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS current_organization_id()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS current_app_user_id()`);
  }
}
