// Creates the application's roles and database, idempotently, as the superuser of
// DATABASE_ADMIN_URL. Every step first looks at what is there and changes only what differs,
// so a second run reports nothing to do.
//
// Roles (see libs/server/platform/src/database/schema/database-roles.ts):
//   owner    - LOGIN; owns the database and every table; runs the migrations.
//   runtime  - NOLOGIN group that migrations grant table privileges to.
//   app      - LOGIN member of runtime; owns nothing and cannot bypass RLS, so the tenant
//              policies bind every query the API and the worker make.
import pg from 'pg';
import { scramVerifier, verifierMatches } from './scram.mjs';

const { Client, escapeIdentifier: ident, escapeLiteral: literal } = pg;

/** Must match RUNTIME_ROLE in libs/server/platform/src/database/schema/database-roles.ts. */
export const RUNTIME_ROLE = 'mentorship_runtime';

// Serializes concurrent runs (e.g. parallel test processes) so two never race on CREATE ROLE.
const PROVISION_LOCK_KEY = 0x6d6d5f31; // 'mm_1'

const ROLE_ATTRIBUTES = {
  LOGIN: 'rolcanlogin',
  SUPERUSER: 'rolsuper',
  CREATEDB: 'rolcreatedb',
  CREATEROLE: 'rolcreaterole',
  BYPASSRLS: 'rolbypassrls',
  INHERIT: 'rolinherit',
};

/** Role name, password and database of a postgres:// URL (percent-decoded). */
export function parsePostgresUrl(url) {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The roles and database the URLs ask for; throws on a combination that would defeat RLS. */
export function describeTarget({ databaseAdminUrl, databaseUrl, databaseOwnerUrl }) {
  const admin = parsePostgresUrl(databaseAdminUrl);
  const app = parsePostgresUrl(databaseUrl);
  const owner = parsePostgresUrl(databaseOwnerUrl);
  const problems = [];
  if (!app.user || !owner.user) problems.push('DATABASE_URL and DATABASE_OWNER_URL must name a user.');
  if (!app.database) problems.push('DATABASE_URL must name a database (its path).');
  if (app.database !== owner.database) {
    problems.push(
      `DATABASE_URL (${app.database}) and DATABASE_OWNER_URL (${owner.database}) must name the same database.`,
    );
  }
  // The app role must not own the tables, or row-level security would not bind it.
  if (app.user === owner.user) problems.push('DATABASE_URL and DATABASE_OWNER_URL must use different roles.');
  if ([app.user, owner.user].includes(admin.user)) {
    problems.push('DATABASE_URL and DATABASE_OWNER_URL must not use the superuser of DATABASE_ADMIN_URL.');
  }
  if ([app.user, owner.user].includes(RUNTIME_ROLE))
    problems.push(`${RUNTIME_ROLE} is reserved for the runtime group role.`);
  if (problems.length > 0) throw new Error(`Invalid database configuration:\n  ${problems.join('\n  ')}`);
  return {
    database: app.database,
    owner: {
      name: owner.user,
      password: owner.password,
      attributes: { LOGIN: true, SUPERUSER: false, CREATEDB: true, CREATEROLE: false },
    },
    runtime: {
      name: RUNTIME_ROLE,
      attributes: { LOGIN: false, SUPERUSER: false, CREATEDB: false, CREATEROLE: false, BYPASSRLS: false },
    },
    app: {
      name: app.user,
      password: app.password,
      attributes: {
        LOGIN: true,
        SUPERUSER: false,
        CREATEDB: false,
        CREATEROLE: false,
        BYPASSRLS: false,
        INHERIT: true,
      },
    },
  };
}

async function connect(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/**
 * Brings roles, database and grants to the state described above.
 * Returns the list of changes made (empty when everything was already in place).
 */
export async function provisionDatabase(config, { log = console.log } = {}) {
  const target = describeTarget(config);
  const changes = [];
  const apply = async (client, description, sql) => {
    log(`  ${description}`);
    await client.query(sql);
    changes.push(description);
  };

  const admin = await connect(config.databaseAdminUrl);
  try {
    const { rows } = await admin.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    if (!rows[0]?.rolsuper)
      throw new Error('DATABASE_ADMIN_URL must log in as a superuser (it creates roles and the database).');
    await admin.query('SELECT pg_advisory_lock($1)', [PROVISION_LOCK_KEY]); // released when the session ends

    for (const role of [target.owner, target.runtime, target.app]) await ensureRole(admin, role, apply);
    await ensureMembership(admin, target, apply);
    await ensureDatabase(admin, target, apply);

    const inDatabase = await connect(withDatabase(config.databaseAdminUrl, target.database));
    try {
      await ensureGrants(inDatabase, target, apply);
      await assertEffectivePrivileges(inDatabase, target);
    } finally {
      await inDatabase.end();
    }
  } finally {
    await admin.end();
  }
  return changes;
}

async function ensureRole(client, { name, password, attributes }, apply) {
  const { rows } = await client.query(
    `SELECT ${Object.values(ROLE_ATTRIBUTES).join(', ')}, rolpassword FROM pg_authid WHERE rolname = $1`,
    [name],
  );
  const clause = (keyword, wanted) => (wanted ? keyword : `NO${keyword}`);
  if (rows.length === 0) {
    const options = Object.entries(attributes).map(([keyword, wanted]) => clause(keyword, wanted));
    if (password !== undefined) options.push(`PASSWORD ${literal(scramVerifier(password))}`);
    await apply(client, `created role ${name}`, `CREATE ROLE ${ident(name)} WITH ${options.join(' ')}`);
    return;
  }
  const current = rows[0];
  const differing = Object.entries(attributes).filter(
    ([keyword, wanted]) => current[ROLE_ATTRIBUTES[keyword]] !== wanted,
  );
  if (differing.length > 0) {
    const options = differing.map(([keyword, wanted]) => clause(keyword, wanted)).join(' ');
    await apply(client, `set ${options} on role ${name}`, `ALTER ROLE ${ident(name)} WITH ${options}`);
  }
  if (password !== undefined && !verifierMatches(current.rolpassword, password, name)) {
    await apply(
      client,
      `set the password of role ${name} from its URL`,
      `ALTER ROLE ${ident(name)} PASSWORD ${literal(scramVerifier(password))}`,
    );
  }
}

async function ensureMembership(client, { owner, runtime, app }, apply) {
  const isMember = async (member, group) =>
    (await client.query('SELECT pg_has_role($1, $2, $3) AS yes', [member, group, 'MEMBER'])).rows[0].yes;
  if (!(await isMember(app.name, runtime.name))) {
    await apply(
      client,
      `granted ${runtime.name} to ${app.name}`,
      `GRANT ${ident(runtime.name)} TO ${ident(app.name)}`,
    );
  }
  // Refuse rather than revoke: someone made this grant on purpose, and it lets the app
  // role act as the table owner (who may switch row-level security off).
  if (await isMember(app.name, owner.name)) {
    throw new Error(
      `Role ${app.name} is a member of ${owner.name}; revoke that membership so row-level security binds it.`,
    );
  }
}

async function ensureDatabase(client, { database, owner }, apply) {
  const { rows } = await client.query(
    'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
    [database],
  );
  if (rows.length === 0) {
    // template0 so UTF8 works even on a cluster initialized with SQL_ASCII (a C locale).
    await apply(
      client,
      `created database ${database} owned by ${owner.name}`,
      `CREATE DATABASE ${ident(database)} OWNER ${ident(owner.name)} ENCODING 'UTF8' TEMPLATE template0`,
    );
  } else if (rows[0].owner !== owner.name) {
    await apply(
      client,
      `made ${owner.name} the owner of database ${database}`,
      `ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner.name)}`,
    );
  }
}

/**
 * Hardening inside the database: PUBLIC gets nothing on the database or on schema public;
 * the owner may create in public; the runtime group (so the app role) may connect and use
 * public but not create in it, and make temporary tables (the analytics rollup's). Table
 * privileges are the migrations' business.
 */
async function ensureGrants(client, { database, owner, runtime }, apply) {
  const db = ident(database);
  const requirements = [
    {
      description: `revoked PUBLIC's privileges on database ${database}`,
      holds: `SELECT NOT EXISTS (SELECT 1 FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
                                 WHERE d.datname = current_database() AND a.grantee = 0)`,
      fix: `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
    },
    {
      description: `granted CONNECT on database ${database} to ${runtime.name}`,
      holds: `SELECT has_database_privilege(${literal(runtime.name)}, current_database(), 'CONNECT')`,
      fix: `GRANT CONNECT ON DATABASE ${db} TO ${ident(runtime.name)}`,
    },
    {
      // The analytics rollup reads a match's steps once into a temporary table of its transaction.
      description: `granted TEMPORARY on database ${database} to ${runtime.name}`,
      holds: `SELECT has_database_privilege(${literal(runtime.name)}, current_database(), 'TEMPORARY')`,
      fix: `GRANT TEMPORARY ON DATABASE ${db} TO ${ident(runtime.name)}`,
    },
    {
      description: `revoked PUBLIC's privileges on schema public`,
      holds: `SELECT NOT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
                                 WHERE n.nspname = 'public' AND a.grantee = 0)`,
      fix: `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    },
    {
      // Postgres 15+ already gives the database owner this; older versions do not.
      description: `granted USAGE, CREATE on schema public to ${owner.name}`,
      holds: `SELECT has_schema_privilege(${literal(owner.name)}, 'public', 'USAGE')
                 AND has_schema_privilege(${literal(owner.name)}, 'public', 'CREATE')`,
      fix: `GRANT USAGE, CREATE ON SCHEMA public TO ${ident(owner.name)}`,
    },
    {
      description: `granted USAGE on schema public to ${runtime.name}`,
      holds: `SELECT has_schema_privilege(${literal(runtime.name)}, 'public', 'USAGE')`,
      fix: `GRANT USAGE ON SCHEMA public TO ${ident(runtime.name)}`,
    },
    {
      description: `revoked CREATE on schema public from ${runtime.name}`,
      holds: `SELECT NOT has_schema_privilege(${literal(runtime.name)}, 'public', 'CREATE')`,
      fix: `REVOKE CREATE ON SCHEMA public FROM ${ident(runtime.name)}`,
    },
  ];
  for (const { description, holds, fix } of requirements) {
    const { rows } = await client.query(holds);
    if (!Object.values(rows[0])[0]) await apply(client, description, fix);
  }
}

/** Checks what the app role can do in the end, through its membership, not just what was granted. */
async function assertEffectivePrivileges(client, { app }) {
  const name = literal(app.name);
  const { rows } =
    await client.query(`SELECT has_database_privilege(${name}, current_database(), 'CONNECT') AS connect,
                                              has_schema_privilege(${name}, 'public', 'USAGE') AS usage,
                                              has_schema_privilege(${name}, 'public', 'CREATE') AS create`);
  const { connect, usage, create } = rows[0];
  if (!connect || !usage || create) {
    throw new Error(
      `Role ${app.name} should have CONNECT and USAGE on schema public but not CREATE; it has ` +
        `CONNECT=${connect} USAGE=${usage} CREATE=${create}. Check grants made to it directly or to PUBLIC.`,
    );
  }
}
