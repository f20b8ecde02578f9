import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { adminQuery, freePort, postgresUrl, runScript, suffix } from './support';

/** scripts/services.mjs, run the way `npm run demo` and `npm test` run it. */
describe('services set-up', () => {
  const id = suffix();
  const database = `mm_setup_${id}`;
  const app = { name: `mm_setup_app_${id}`, password: `app-${id}` };
  const owner = { name: `mm_setup_owner_${id}`, password: `owner-${id}` };
  const env = {
    DATABASE_URL: postgresUrl(app.name, app.password, database),
    DATABASE_OWNER_URL: postgresUrl(owner.name, owner.password, database),
  };

  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminQuery(`DROP ROLE IF EXISTS ${app.name}`);
    await adminQuery(`DROP ROLE IF EXISTS ${owner.name}`);
  });

  it('creates the roles and database the URLs name, safely, and a second run changes nothing', async () => {
    const first = runScript('scripts/services.mjs', env);
    expect(first.status).toBe(0);
    expect(first.output).toMatch(/Done: \d+ change\(s\)/);

    const [appRole] = await adminQuery<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcreatedb: boolean;
      runtime: boolean;
    }>(
      `SELECT rolsuper, rolbypassrls, rolcreatedb, pg_has_role($1, 'mentorship_runtime', 'MEMBER') AS runtime
         FROM pg_roles WHERE rolname = $1`,
      [app.name],
    );
    expect(appRole).toEqual({ rolsuper: false, rolbypassrls: false, rolcreatedb: false, runtime: true });
    const [db] = await adminQuery<{ owner: string }>(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [database],
    );
    expect(db?.owner).toBe(owner.name);

    const second = runScript('scripts/services.mjs', env);
    expect(second.status).toBe(0);
    expect(second.output).toContain('nothing changed');

    // Migrations as the owner, then the application role reads but cannot change the schema.
    expect(runScript('scripts/migrate.mjs', env).status).toBe(0);
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      expect((await client.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(0);
      await expect(client.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('refuses an application role that would own the tables', () => {
    const result = runScript('scripts/services.mjs', { ...env, DATABASE_URL: env.DATABASE_OWNER_URL });
    expect(result.status).toBe(1);
    expect(result.output).toContain('must use different roles');
  });

  it('starts a Redis that does not answer from the distribution packages when no Docker engine answers', async () => {
    const port = await freePort();
    const docker = spawnSync('docker', ['info'], { encoding: 'utf8' });
    if (docker.status === 0) {
      // This test is about the packages branch: with a Docker engine, compose would win.
      throw new Error('a Docker engine answers on this machine; this test expects none');
    }
    try {
      const result = runScript('scripts/services.mjs', { ...env, REDIS_URL: `redis://127.0.0.1:${port}` });
      expect(result.output).toContain("using the distribution's packages for Redis");
      expect(result.output).toContain('Redis is ready.');
      expect(result.status).toBe(0);
      expect(spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim()).toBe(
        'PONG',
      );
    } finally {
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
    }
  });

  it('says exactly what to install or set when it can neither start nor install anything', async () => {
    const port = await freePort();
    // No docker and no apt-get on this PATH: the last branch must explain itself.
    const result = runScript('scripts/services.mjs', {
      ...env,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      PATH: '/nonexistent',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('not reachable');
    for (const variable of ['DATABASE_ADMIN_URL', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'REDIS_URL']) {
      expect(result.output).toContain(variable);
    }
    expect(result.output).toContain('apt-get install -y postgresql redis-server');
  });
});
