import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXTS } from '@mentorship/bootstrap';
import {
  RUNTIME_ROLE,
  runMigrations,
  withPlatformMigrations,
  type NamedMigrations,
} from '@mentorship/platform';
import { Client, Pool } from 'pg';
import { roleOf, serviceUrls, withDatabase } from './service-urls';

/** Every file below `directory`, in a stable order. */
function filesBelow(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The template's name changes whenever a registered migration does (any context's, or the
 * platform's RLS helpers), so a stale template is never used.
 */
function templateName(contexts: readonly NamedMigrations[]): string {
  const hash = createHash('sha256');
  for (const { name, migrations } of withPlatformMigrations(contexts)) {
    hash.update(name);
    for (const file of filesBelow(migrations.directory))
      hash.update(file.slice(migrations.directory.length)).update(readFileSync(file));
  }
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
async function ensureTemplate(contexts: readonly NamedMigrations[]): Promise<string> {
  const name = templateName(contexts);
  return withAdmin(async (client) => {
    if (await databaseExists(client, name)) return name;
    await client.query('SELECT pg_advisory_lock(7201)');
    try {
      if (await databaseExists(client, name)) return name;
      const building = `${name}_building`;
      const owner = roleOf(serviceUrls.owner);
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building} OWNER ${client.escapeIdentifier(owner)}`);
      await runMigrations(withDatabase(serviceUrls.owner, building), contexts);
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

/**
 * A fresh database for one test file, cloned from the template migrated with `contexts`
 * (the product's, unless a test brings its own, e.g. an example context).
 */
export async function createTestDatabase(
  options: { contexts?: readonly NamedMigrations[] } = {},
): Promise<TestDatabase> {
  const template = await ensureTemplate(options.contexts ?? CONTEXTS);
  const name = `mm_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (client) => {
    await client.query(
      `CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${client.escapeIdentifier(roleOf(serviceUrls.owner))}`,
    );
    // A clone does not inherit the database's privileges: give it what provisioning gives a real
    // one (scripts/lib/provision-database.mjs), so a test fails where production would.
    await client.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${name} TO ${RUNTIME_ROLE}`);
  });
  return testDatabaseNamed(name);
}

/**
 * A database made by `createTestDatabase` earlier and kept (a benchmark's `BENCH_KEEP_DB`), brought
 * up to date with the migrations of `contexts` (the code now checked out may have more), so a
 * benchmark can measure on rows it seeded before instead of seeding them again. Refuses a name
 * that is not such a database.
 */
export async function keptTestDatabase(
  name: string,
  options: { contexts?: readonly NamedMigrations[] } = {},
): Promise<TestDatabase> {
  if (!/^mm_test_[0-9a-f]{12}$/.test(name)) throw new Error(`${name} is not a kept test database`);
  const exists = await withAdmin((client) => databaseExists(client, name));
  if (!exists) throw new Error(`no database ${name}`);
  await runMigrations(withDatabase(serviceUrls.owner, name), options.contexts ?? CONTEXTS);
  return testDatabaseNamed(name);
}

function testDatabaseNamed(name: string): TestDatabase {
  const adminUrl = withDatabase(serviceUrls.admin, name);
  // A few kept connections, opened on first use: a test that checks the stored state after each
  // of hundreds of requests (the state machine's every action from every status) spent most of
  // its time starting a Postgres backend per statement. No test sets session state through
  // `query` (they open their own client for that), so sharing sessions is safe.
  let pool: Pool | null = null;
  return {
    name,
    appUrl: withDatabase(serviceUrls.app, name),
    ownerUrl: withDatabase(serviceUrls.owner, name),
    async query(sql, params) {
      if (!pool) {
        pool = new Pool({
          connectionString: adminUrl,
          max: 4,
          idleTimeoutMillis: 2_000,
          allowExitOnIdle: true,
        });
        // A kept connection that Postgres ends (the drop's FORCE, a test's pg_terminate_backend)
        // leaves the pool; unheard, its error event would fail whichever test is running.
        pool.on('error', () => undefined);
      }
      return (await pool.query(sql, params)).rows;
    },
    async drop() {
      const open = pool;
      pool = null;
      await open?.end();
      await withAdmin(
        async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
      );
    },
  };
}
