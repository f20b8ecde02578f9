import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenancy catalog as SQL, and the one way to erase a tenant's rows:
 * - `tenant_tables()`: every table with an `organization_id` column, read from Postgres's
 *   catalog when called, so a context's new table is included without anyone listing it;
 * - `purge_tenant_rows(org)`: deletes the organization's rows from every one of them, tables
 *   referenced by others last (their foreign keys), and returns the count per table. It runs as
 *   the owner (SECURITY DEFINER, since the application may not delete audit rows), only for the
 *   transaction's own tenant, and nobody but the owner may call it: the context that owns the
 *   tenants wraps it in a function that checks the organization is due for purging.
 */
export class TenantPurge1764700000001 implements MigrationInterface {
  name = 'TenantPurge1764700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE FUNCTION tenant_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $$
         SELECT c.relname::text
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            AND EXISTS (SELECT 1 FROM pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)
          ORDER BY 1
       $$`,
      `CREATE FUNCTION purge_tenant_rows(org uuid) RETURNS jsonb LANGUAGE plpgsql
         SECURITY DEFINER SET search_path = public AS $$
       DECLARE
         remaining text[];
         ready text[];
         target text;
         deleted bigint;
         counts jsonb := '{}'::jsonb;
       BEGIN
         IF org IS NULL OR org IS DISTINCT FROM current_organization_id() THEN
           RAISE EXCEPTION 'purge_tenant_rows: % is not the transaction''s tenant', org;
         END IF;
         SELECT coalesce(array_agg(t), '{}') INTO remaining FROM tenant_tables() AS t;
         WHILE cardinality(remaining) > 0 LOOP
           -- Tables no other remaining table references (a self-reference does not count).
           SELECT coalesce(array_agg(r), '{}') INTO ready FROM unnest(remaining) AS r
            WHERE NOT EXISTS (
              SELECT 1 FROM pg_constraint con
                JOIN pg_class src ON src.oid = con.conrelid
                JOIN pg_class dst ON dst.oid = con.confrelid
               WHERE con.contype = 'f' AND dst.relname = r AND src.relname <> r
                 AND src.relname = ANY (remaining));
           IF cardinality(ready) = 0 THEN
             RAISE EXCEPTION 'purge_tenant_rows: foreign keys form a cycle among %', remaining;
           END IF;
           FOREACH target IN ARRAY ready LOOP
             EXECUTE format('DELETE FROM %I WHERE organization_id = $1', target) USING org;
             GET DIAGNOSTICS deleted = ROW_COUNT;
             counts := counts || jsonb_build_object(target, deleted);
           END LOOP;
           remaining := ARRAY(SELECT r FROM unnest(remaining) AS r WHERE r <> ALL (ready));
         END LOOP;
         RETURN counts;
       END $$`,
      // Functions are executable by PUBLIC unless revoked.
      `REVOKE EXECUTE ON FUNCTION purge_tenant_rows(uuid) FROM PUBLIC`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS purge_tenant_rows(uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS tenant_tables()`);
  }
}
