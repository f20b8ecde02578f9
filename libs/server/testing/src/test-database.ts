import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '@mentorship/platform';
import { Client } from 'pg';
import { roleOf, serviceUrls, withDatabase } from './service-urls';

const MIGRATIONS_DIR = join(__dirname, '../../platform/src/database/migrations');

/** The template's name changes whenever a migration does, so a stale template is never used. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort())
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  return `mm_template_${hash.digest('hex').slice(0, 12)}`;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serviceUrls.admin });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(client: Client, name: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return result.rowCount === 1;
}

/** Migrates a template once per migration set; parallel test files wait on an advisory lock. */
async function ensureTemplate(): Promise<string> {
  const name = templateName();
  return withAdmin(async (client) => {
    if (await databaseExists(client, name)) return name;
    await client.query('SELECT pg_advisory_lock(7201)');
    try {
      if (await databaseExists(client, name)) return name;
      const building = `${name}_building`;
      const owner = roleOf(serviceUrls.owner);
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building} OWNER ${client.escapeIdentifier(owner)}`);
      await runMigrations(withDatabase(serviceUrls.owner, building));
      // Renamed only when complete: a half-migrated template is never cloned.
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock(7201)');
    }
  });
}

export interface TestDatabase {
  name: string;
  /** As the application role: row-level security binds it. */
  appUrl: string;
  /** As the owner role: for assertions that must see every row. */
  ownerUrl: string;
  /** Runs SQL as the superuser in this database (bypasses RLS): for checking what is really stored. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `mm_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) =>
    client.query(
      `CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${client.escapeIdentifier(roleOf(serviceUrls.owner))}`,
    ),
  );
  const adminUrl = withDatabase(serviceUrls.admin, name);
  return {
    name,
    appUrl: withDatabase(serviceUrls.app, name),
    ownerUrl: withDatabase(serviceUrls.owner, name),
    async query(sql, params) {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () =>
      withAdmin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
