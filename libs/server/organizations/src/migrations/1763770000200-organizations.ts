import { ORGANIZATION_ROLES } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const VALID_ROLES = `cardinality(roles) > 0 AND roles <@ ${sqlTextArray(ORGANIZATION_ROLES)}`;

/**
 * Organizations (the tenants), memberships and invitations. Keys and foreign keys include
 * organization_id, so no row can point into another organization and the schema can be
 * distributed by organization. Every later tenant table references organizations (id).
 */
export class Organizations1763770000200 implements MigrationInterface {
  name = 'Organizations1763770000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE organizations (
         id uuid PRIMARY KEY,
         name text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      ...enableTenantRls('organizations', { tenantColumn: 'id' }),
      grantToRuntime('organizations', ['SELECT', 'INSERT', 'UPDATE']),

      `CREATE TABLE memberships (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         roles text[] NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, user_id),
         CONSTRAINT memberships_roles_valid CHECK (${VALID_ROLES})
       )`,
      `CREATE INDEX memberships_user_idx ON memberships (user_id)`,
      ...enableTenantRls('memberships'),
      // A person may read their own memberships in every organization (and nothing else).
      `CREATE POLICY own_memberships_read ON memberships FOR SELECT USING (user_id = current_app_user_id())`,
      `CREATE POLICY member_organizations_read ON organizations FOR SELECT USING (
         EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = organizations.id AND m.user_id = current_app_user_id()))`,
      grantToRuntime('memberships', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),

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
         CONSTRAINT invitations_roles_valid CHECK (${VALID_ROLES})
       )`,
      // One open invitation per address and organization.
      `CREATE UNIQUE INDEX invitations_pending_email_key ON invitations (organization_id, email) WHERE status = 'pending'`,
      ...enableTenantRls('invitations'),
      grantToRuntime('invitations', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['invitations', 'memberships', 'organizations'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
