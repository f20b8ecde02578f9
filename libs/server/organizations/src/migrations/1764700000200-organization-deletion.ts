import { grantExecuteToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting an organization: an admin schedules it (`deletion_scheduled_at`, by whom, and the
 * `purge_after` date the grace period ends on); until then it can be restored. Then the purge
 * schedule erases it, through two functions that run as the owner:
 * - `organizations_due_for_purge(due_at)`: the ids of organizations whose grace period is over
 *   by `due_at`, the one read across tenants (no tenant is set when the schedule ticks);
 * - `purge_organization(org, due_at)`: in the organization's own tenant transaction, locks its
 *   row, checks it is still scheduled and due, deletes every tenant table's rows of it
 *   (`purge_tenant_rows`, from the catalog) and the organization itself. Returns the counts per
 *   table, or NULL when there was nothing to purge (restored, or already purged by another tick).
 */
export class OrganizationDeletion1764700000200 implements MigrationInterface {
  name = 'OrganizationDeletion1764700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE organizations
         ADD COLUMN deletion_scheduled_at timestamptz,
         ADD COLUMN deletion_scheduled_by uuid,
         ADD COLUMN purge_after timestamptz,
         ADD CONSTRAINT organizations_deletion_complete
           CHECK ((deletion_scheduled_at IS NULL) = (purge_after IS NULL))`,
      `CREATE INDEX organizations_purge_after_idx ON organizations (purge_after) WHERE purge_after IS NOT NULL`,
      // Row security binds the owner too (FORCE): the due-scan function, run as the owner, reads
      // across tenants through this policy, which names the owner only.
      `DO $$ BEGIN
         EXECUTE format('CREATE POLICY purge_scan ON organizations FOR SELECT TO %I USING (true)', current_user);
       END $$`,
      `CREATE FUNCTION organizations_due_for_purge(due_at timestamptz) RETURNS SETOF uuid LANGUAGE sql
         STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT id FROM organizations WHERE purge_after IS NOT NULL AND purge_after <= due_at ORDER BY purge_after, id
       $$`,
      `CREATE FUNCTION purge_organization(org uuid, due_at timestamptz) RETURNS jsonb LANGUAGE plpgsql
         SECURITY DEFINER SET search_path = public AS $$
       DECLARE counts jsonb;
       BEGIN
         PERFORM 1 FROM organizations
           WHERE id = org AND id = current_organization_id() AND purge_after IS NOT NULL AND purge_after <= due_at
           FOR UPDATE;
         IF NOT FOUND THEN RETURN NULL; END IF;
         counts := purge_tenant_rows(org);
         DELETE FROM organizations WHERE id = org;
         RETURN counts || jsonb_build_object('organizations', 1);
       END $$`,
      `REVOKE EXECUTE ON FUNCTION organizations_due_for_purge(timestamptz) FROM PUBLIC`,
      `REVOKE EXECUTE ON FUNCTION purge_organization(uuid, timestamptz) FROM PUBLIC`,
      grantExecuteToRuntime('organizations_due_for_purge(timestamptz)'),
      grantExecuteToRuntime('purge_organization(uuid, timestamptz)'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS purge_organization(uuid, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS organizations_due_for_purge(timestamptz)`);
    await queryRunner.query(`DROP POLICY IF EXISTS purge_scan ON organizations`);
    await queryRunner.query(
      `ALTER TABLE organizations DROP COLUMN IF EXISTS deletion_scheduled_at,
         DROP COLUMN IF EXISTS deletion_scheduled_by, DROP COLUMN IF EXISTS purge_after`,
    );
  }
}
