import { createTestDatabase, roleOf, serviceUrls, TestDatabase } from '@mentorship/testing';
import { Client } from 'pg';

/** The schema itself keeps tenants apart; these checks read Postgres's catalog. */
describe('tenancy in the catalog', () => {
  let db: TestDatabase;
  const appRole = roleOf(serviceUrls.app);

  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  it('enables and forces row-level security on every table with organization_id, with a USING and WITH CHECK policy', async () => {
    const tables = await db.query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p
               WHERE p.polrelid = c.oid AND p.polqual IS NOT NULL AND p.polwithcheck IS NOT NULL) AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
         AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)
              OR c.relname = 'organizations')
       ORDER BY 1`);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      expect({ ...table, policies: table.policies > 0 }).toEqual({
        table: table.table,
        enabled: true,
        forced: true,
        policies: true,
      });
    }
  });

  it('includes organization_id in every foreign key between tenant tables', async () => {
    const foreignKeys = await db.query<{ name: string; columns: string[] }>(`
      SELECT con.conname AS name, array_agg(a.attname ORDER BY a.attname)::text[] AS columns
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_class r ON r.oid = con.confrelid
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
       WHERE con.contype = 'f'
         AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attname = 'organization_id')
         AND (r.relname = 'organizations' OR EXISTS (SELECT 1 FROM pg_attribute y WHERE y.attrelid = r.oid AND y.attname = 'organization_id'))
       GROUP BY con.conname`);
    expect(foreignKeys.length).toBeGreaterThan(0);
    for (const key of foreignKeys)
      expect({ key: key.name, has: key.columns.includes('organization_id') }).toEqual({
        key: key.name,
        has: true,
      });
  });

  it('connects the application as a role that owns nothing, is not superuser and cannot bypass RLS', async () => {
    const [role] = await db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [appRole],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await db.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = $1`,
      [appRole],
    );
    expect(owned).toEqual([]);
    const inherited = await db.query<{ name: string }>(
      `SELECT r.rolname AS name FROM pg_roles r WHERE pg_has_role($1, r.oid, 'MEMBER') AND (r.rolsuper OR r.rolbypassrls)`,
      [appRole],
    );
    expect(inherited).toEqual([]);
  });

  it('lets the application append to the audit log but never rewrite it', async () => {
    const client = new Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      const organizationId = '22222222-2222-2222-2222-222222222222';
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
      await client.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Audit Org')`, [organizationId]);
      await client.query(
        `INSERT INTO audit_events (organization_id, id, actor_user_id, action, target_type, target_id)
         VALUES ($1, gen_random_uuid(), gen_random_uuid(), 'test', 'test', 'x')`,
        [organizationId],
      );
      await client.query('SAVEPOINT s');
      await expect(client.query(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(
        /permission denied/,
      );
      await client.query('ROLLBACK TO SAVEPOINT s');
      await expect(client.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });
});
