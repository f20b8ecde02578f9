// Makes Postgres and Redis available for the demo and the tests, then creates the
// application's roles and database.
//
//   node scripts/services.mjs        (npm run services)
//
// Order of preference for each service that does not answer: Docker Compose if an engine
// runs, else the distribution's packages (root on Debian/Ubuntu), else stop and say what to
// install or set. A service that already answers is used as it is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { probePostgres, probeRedis, redisEvictionPolicy, waitFor } from './lib/probes.mjs';
import { provisionDatabase } from './lib/provision-database.mjs';
import {
  canUsePackages,
  dockerEngineAnswers,
  installMissingPackages,
  setAdminPasswordIfUnset,
  startPostgresCluster,
  startRedisServer,
  startWithDocker,
} from './lib/start-services.mjs';

// Where Postgres and Redis are when nothing says otherwise; the test harness reads the same file.
const DEFAULTS = JSON.parse(readFileSync(new URL('../infra/local-services.json', import.meta.url), 'utf8'));

const POSTGRES_START_TIMEOUT_MS = 60_000;
const REDIS_START_TIMEOUT_MS = 30_000;

/** The four service URLs, from the environment or the localhost defaults (empty counts as unset). */
export function resolveServiceConfig(env = process.env) {
  const pick = (name) => env[name] || DEFAULTS[name];
  return Object.freeze({
    databaseAdminUrl: pick('DATABASE_ADMIN_URL'),
    databaseUrl: pick('DATABASE_URL'),
    databaseOwnerUrl: pick('DATABASE_OWNER_URL'),
    redisUrl: pick('REDIS_URL'),
  });
}

/** The same URLs under their environment names, to pass to the API, the worker or a test run. */
export function serviceEnv(config = resolveServiceConfig()) {
  return {
    DATABASE_ADMIN_URL: config.databaseAdminUrl,
    DATABASE_URL: config.databaseUrl,
    DATABASE_OWNER_URL: config.databaseOwnerUrl,
    REDIS_URL: config.redisUrl,
  };
}

/** Brings Postgres and Redis up if needed and provisions roles and database; returns the config. */
export async function ensureServices({ log = console.log } = {}) {
  const config = resolveServiceConfig();
  const services = {
    postgres: {
      label: 'PostgreSQL',
      url: config.databaseAdminUrl,
      probe: () => probePostgres(config.databaseAdminUrl),
    },
    redis: { label: 'Redis', url: config.redisUrl, probe: () => probeRedis(config.redisUrl) },
  };

  const states = {};
  for (const [name, service] of Object.entries(services)) states[name] = await service.probe();
  for (const [name, state] of Object.entries(states)) assertNotRefused(services[name], state);

  const down = Object.keys(services).filter((name) => states[name].state === 'down');
  if (down.length === 0) {
    log(`PostgreSQL (${redact(config.databaseAdminUrl)}) and Redis (${redact(config.redisUrl)}) answer.`);
  } else {
    await bringUp(down, services, states, { log });
  }

  await assertNoEviction(config.redisUrl);

  log('Checking roles and database ...');
  const changes = await provisionDatabase(config, { log });
  log(
    changes.length === 0
      ? 'Roles and database were already in place; nothing changed.'
      : `Done: ${changes.length} change(s).`,
  );
  return config;
}

async function bringUp(down, services, states, { log }) {
  const labels = down.map((name) => services[name].label).join(' and ');
  for (const name of down) {
    log(`${services[name].label} does not answer at ${redact(services[name].url)} (${states[name].detail}).`);
  }

  // Starting something on this machine cannot help a service configured on another host.
  const remote = down.filter((name) => !isLoopback(services[name].url));
  if (remote.length > 0) {
    throw unavailable(remote, services, 'it is configured on another host; start it there.');
  }

  if (dockerEngineAnswers()) {
    if (!startWithDocker(down, { log })) {
      throw unavailable(
        down,
        services,
        'Docker runs, but neither `docker compose` nor `docker-compose` exists.',
      );
    }
  } else if (canUsePackages()) {
    log(`No Docker engine answers; using the distribution's packages for ${labels}.`);
    installMissingPackages(down, { log });
    if (down.includes('postgres')) await startPackagedPostgres(services.postgres, { log });
    if (down.includes('redis')) startRedisServer(redisListenAddress(services.redis.url), { log });
  } else {
    throw unavailable(
      down,
      services,
      'no Docker engine answers (`docker info` fails) and installing packages needs root and apt-get.',
    );
  }

  for (const name of down) {
    const timeoutMs = name === 'postgres' ? POSTGRES_START_TIMEOUT_MS : REDIS_START_TIMEOUT_MS;
    const result = await waitFor(services[name].probe, { timeoutMs });
    if (result.state === 'down') {
      throw unavailable([name], services, `it was started but did not answer within ${timeoutMs / 1000} s.`);
    }
    assertNotRefused(services[name], result);
    log(`${services[name].label} is ready.`);
  }
}

async function startPackagedPostgres(service, { log }) {
  const url = new URL(service.url);
  const port = Number(url.port || 5432);
  startPostgresCluster(port, { log });
  // Wait for the server to answer at all, then fix the one refusal a fresh install gives:
  // its superuser has no password yet, so a TCP login with one fails.
  const first = await waitFor(service.probe, { timeoutMs: POSTGRES_START_TIMEOUT_MS });
  if (first.state === 'refused' && ['28P01', '28000'].includes(first.code) && url.password) {
    setAdminPasswordIfUnset(
      { role: decodeURIComponent(url.username), password: decodeURIComponent(url.password), port },
      { log },
    );
  }
}

/**
 * The worker refuses to start on a Redis that may evict keys; say so here, before a demo or a
 * test run starts one. Checked, not changed: this Redis may be someone else's.
 */
async function assertNoEviction(redisUrl) {
  const policy = await redisEvictionPolicy(redisUrl);
  if (policy === 'noeviction') return;
  throw new Error(
    `Redis at ${redact(redisUrl)} has maxmemory-policy ${policy}; the worker needs maxmemory-policy noeviction ` +
      '(an evicted key is a lost job).\n' +
      'Set "maxmemory-policy noeviction" in its redis.conf, or run: redis-cli CONFIG SET maxmemory-policy noeviction',
  );
}

function assertNotRefused(service, result) {
  if (result.state !== 'refused') return;
  const variable = service.label === 'Redis' ? 'REDIS_URL' : 'DATABASE_ADMIN_URL (a superuser)';
  throw new Error(
    `${service.label} at ${redact(service.url)} answered but refused the connection: ${result.detail}\n` +
      `Check ${variable}.`,
  );
}

function unavailable(names, services, reason) {
  const what = names.map((name) => `${services[name].label} at ${redact(services[name].url)}`).join(' and ');
  return new Error(
    `${what}: not reachable; ${reason}\n\n` +
      'Do one of these, then run `npm run services` again:\n' +
      '  - start PostgreSQL 15+ and Redis 7+ yourself and point these variables at them:\n' +
      `      DATABASE_ADMIN_URL  a superuser (default ${DEFAULTS.DATABASE_ADMIN_URL})\n` +
      `      DATABASE_URL        the application role (default ${DEFAULTS.DATABASE_URL})\n` +
      `      DATABASE_OWNER_URL  the owner role, runs migrations (default ${DEFAULTS.DATABASE_OWNER_URL})\n` +
      `      REDIS_URL           (default ${DEFAULTS.REDIS_URL})\n` +
      '    The roles and the database are created for you through DATABASE_ADMIN_URL.\n' +
      '  - or install Docker (engine and compose plugin) and start it; `docker compose up -d postgres redis` is run for you.\n' +
      '  - or, on Debian/Ubuntu as root: apt-get install -y postgresql redis-server (done for you when run as root).',
  );
}

function isLoopback(url) {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(new URL(url).hostname);
}

function redisListenAddress(url) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname === '[::1]' ? '::1' : '127.0.0.1',
    port: Number(parsed.port || 6379),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
  };
}

/** The URL without its password, for messages. */
function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  ensureServices().catch((error) => {
    console.error(`\n${error.message}`);
    process.exitCode = 1;
  });
}
