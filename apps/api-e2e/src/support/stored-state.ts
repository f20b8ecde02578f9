import type { TestDatabase } from '@mentorship/testing';

/**
 * A digest of every row of every table, read as the superuser (row-level security hides
 * nothing): equal before and after a request means the request wrote nothing anywhere.
 */
export async function storedState(db: TestDatabase): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const digests = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS name, count(*) || ' rows, ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS state FROM ${name} t`,
  );
  const rows = await db.query<{ name: string; state: string }>(digests.join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, row.state]));
}
