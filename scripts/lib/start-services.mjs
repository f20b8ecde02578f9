// The two ways to bring up a local Postgres or Redis that does not answer: Docker Compose
// when an engine runs, else the distribution's packages (root on Debian/Ubuntu).
// Each function deals only with the services it is given, so a running one is left alone.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { capture, commandExists, run } from './commands.mjs';
import { scramVerifier } from './scram.mjs';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------- Docker Compose

export function dockerEngineAnswers() {
  // `docker info` talks to the engine; the client alone (installed without a daemon) fails it.
  return commandExists('docker') && capture('docker', ['info'], { timeout: 20_000 }).ok;
}

/** `docker compose` (v2 plugin) or the standalone `docker-compose`, whichever exists. */
function composeCommand() {
  if (capture('docker', ['compose', 'version']).ok) return ['docker', 'compose'];
  if (commandExists('docker-compose')) return ['docker-compose'];
  return null;
}

/** Starts the given compose services (names as in docker-compose.yml) in the background. */
export function startWithDocker(services, { log }) {
  const compose = composeCommand();
  if (!compose) return false;
  const [command, ...prefix] = compose;
  log(`Starting ${services.join(' and ')} with ${compose.join(' ')} ...`);
  // Readiness is checked afterwards by logging in, which is stricter than the healthcheck.
  run(command, [...prefix, 'up', '-d', ...services], { cwd: REPO_ROOT });
  return true;
}

// ---------------------------------------------------------------- Debian/Ubuntu packages

export function canUsePackages() {
  return process.getuid?.() === 0 && commandExists('apt-get');
}

function aptEnv() {
  return { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
}

/** Installs the packages of the given services that are missing, with one `apt-get update`. */
export function installMissingPackages(services, { log }) {
  const missing = [];
  if (services.includes('postgres') && installedPostgresVersions().length === 0) missing.push('postgresql');
  if (services.includes('redis') && !commandExists('redis-server')) missing.push('redis-server');
  if (missing.length === 0) return [];
  log(`Installing ${missing.join(' and ')} with apt-get ...`);
  run('apt-get', ['update'], { env: aptEnv() });
  run('apt-get', ['install', '-y', ...missing], { env: aptEnv() });
  return missing;
}

/** Major versions with a configuration under /etc/postgresql (where Debian's packages keep clusters). */
function installedPostgresVersions() {
  if (!existsSync('/etc/postgresql')) return [];
  return readdirSync('/etc/postgresql')
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
}

/** Debian's clusters as { version, name, port, online }, from pg_lsclusters (postgresql-common). */
function listClusters() {
  const { ok, stdout } = capture('pg_lsclusters', ['--no-header']);
  if (!ok) return [];
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4)
    .map(([version, name, port, status]) => ({
      version,
      name,
      port: Number(port),
      online: status.startsWith('online'),
    }));
}

/**
 * Starts the packaged cluster that listens on `port`, creating one on the newest installed
 * version if there is no cluster at all. Returns a description of what it did.
 */
export function startPostgresCluster(port, { log }) {
  let cluster = listClusters().find((c) => c.port === port);
  if (!cluster) {
    const [version] = installedPostgresVersions();
    if (!version || listClusters().length > 0) {
      throw new Error(
        `No PostgreSQL cluster of this machine listens on port ${port}` +
          (version ? ` (see pg_lsclusters); point DATABASE_ADMIN_URL at one.` : '.'),
      );
    }
    log(`Creating PostgreSQL ${version} cluster "main" on port ${port} ...`);
    run('pg_createcluster', [version, 'main', '--port', String(port)]);
    cluster = { version, name: 'main', port, online: false };
  }
  if (cluster.online) return;
  log(`Starting PostgreSQL ${cluster.version}/${cluster.name} ...`);
  // --skip-systemctl-redirect: containers and CI machines have no running systemd.
  run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'start']);
}

/**
 * Gives the admin role the password of DATABASE_ADMIN_URL when it has none, as after a fresh
 * install: Debian's Postgres lets `postgres` in over the local socket only (peer
 * authentication), and TCP logins need a password (scram). Never overwrites a password.
 */
export function setAdminPasswordIfUnset({ role, password, port }, { log }) {
  const psql = (sql) =>
    // SQL goes on stdin, so neither the role nor the password passes through a shell.
    capture('su', ['postgres', '-c', `psql -X -q -A -t -v ON_ERROR_STOP=1 -p ${Number(port)} -d postgres`], {
      input: sql,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  const literal = (text) => `'${text.replaceAll("'", "''")}'`;
  const check = psql(`SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = ${literal(role)};\n`);
  if (!check.ok) throw new Error(`Could not read role ${role} over the local socket: ${check.stderr.trim()}`);
  const answer = check.stdout.trim();
  if (answer === '')
    throw new Error(`Role ${role} of DATABASE_ADMIN_URL does not exist in the local PostgreSQL.`);
  if (answer !== 't') return false;
  log(`Setting the password of role ${role} from DATABASE_ADMIN_URL ...`);
  // Quoting by hand: this runs before any pg connection can exist. The password goes as a
  // verifier, so the plain text never reaches the server's log.
  const identifier = `"${role.replaceAll('"', '""')}"`;
  const set = psql(`ALTER ROLE ${identifier} PASSWORD ${literal(scramVerifier(password))};\n`);
  if (!set.ok) throw new Error(`Could not set the password of role ${role}: ${set.stderr.trim()}`);
  return true;
}

/**
 * Starts a throwaway Redis (no persistence) on the URL's port, as the test suite needs, with the
 * eviction policy the worker insists on (noeviction; Redis 7's default, said out loud).
 */
export function startRedisServer({ host, port, password }, { log }) {
  log(`Starting redis-server on ${host}:${port} ...`);
  const args = [
    '--daemonize',
    'yes',
    '--bind',
    host,
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
    '--maxmemory-policy',
    'noeviction',
  ];
  if (password) args.push('--requirepass', password);
  run('redis-server', args);
}
