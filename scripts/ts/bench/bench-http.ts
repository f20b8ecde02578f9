// npm run bench:http (see docs/benchmarks.md). Not part of the tests.
// Starts the built API (dist/apps/api/main.js, NODE_ENV=production, info logs) and, in the
// same run, the bare handler (bare-api.ts) on one database; checks that both answer
// byte-identical bodies; then alternates 5-second rounds of autocannon between them, route by
// route, and prints req/s, p99 and server CPU per request with the ratio taken within each
// round (the median of the rounds is the figure). Then a sustained mixed load (80 % reads,
// 20 % writes) on the API at half its measured saturation rate for 2 minutes.
// Exits 1 when a target is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import {
  createTestDatabase,
  freePort,
  HttpClient,
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  serviceUrls,
  waitFor,
} from '@mentorship/testing';
import { openLoop } from './load';

const ROOT = join(__dirname, '../../..');
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const SUSTAINED_SECONDS = Number(process.env['BENCH_SUSTAINED_SECONDS'] ?? 120);
/** Only the routes whose label contains one of these (comma-separated), e.g. `health,members?`. */
const ROUTES = process.env['BENCH_ROUTES']?.split(',').filter(Boolean);
/** A directory: after its rounds, each route gets 5 s more on the API, then on the bare handler, under the CPU profiler. */
const CPU_PROF = process.env['BENCH_CPU_PROF'];
/** Seconds of the open-loop `/health` load at half its saturation (0 skips it). */
const STALL_SECONDS = Number(process.env['BENCH_STALL_SECONDS'] ?? 20);
const TICKS_PER_SECOND = 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in these

interface Server {
  name: string;
  child: ChildProcess;
  url: string;
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime + stime
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

async function start(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<Server & { startMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/health`).catch(() => null))?.ok === true,
    `${name} start`,
    60_000,
  );
  return { name, child, url, startMs: performance.now() - started };
}

interface Load {
  path: string;
  method?: 'GET' | 'PATCH';
  connections: number;
  body?: () => string;
  /** Each request's path, when it changes from request to request. */
  pathOf?: () => string;
}

interface Measured {
  rps: number;
  p99: number;
  cpuPerRequest: number;
  errors: number;
  requests: number;
}

async function measure(
  server: Server,
  load: Load,
  token: string,
  seconds: number,
  overallRate?: number,
): Promise<Measured> {
  const pid = server.child.pid!;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url: server.url,
    connections: load.connections,
    duration: seconds,
    overallRate,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: load.method ?? 'GET',
        path: load.path,
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          ...(load.pathOf ? { path: load.pathOf() } : {}),
          ...(load.body ? { body: load.body() } : {}),
        }),
      },
    ],
  });
  const cpu = cpuMs(pid) - cpuBefore;
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuPerRequest: requests > 0 ? cpu / requests : NaN,
    errors: result.errors + result.timeouts + result.non2xx,
    requests,
  };
}

interface Stalls {
  delay: { p50: number; p99: number; max: number };
  gc: Record<string, { count: number; totalMs: number; maxMs: number; over10ms: number }>;
  heapUsedMb: number;
}

function describeStalls(seen: Stalls): string {
  const gc = Object.entries(seen.gc)
    .map(
      ([kind, g]) =>
        `${kind} ${g.count}× (max ${g.maxMs} ms, ${g.over10ms} over 10 ms, ${g.totalMs} ms in all)`,
    )
    .join('; ');
  return (
    `API event-loop delay (10 ms timer): p50 ${seen.delay.p50} ms, p99 ${seen.delay.p99} ms, max ${seen.delay.max} ms; ` +
    `GC: ${gc || 'none'}; heap ${seen.heapUsedMb} MB`
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const env = {
    NODE_ENV: 'production',
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: db.appUrl,
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: serviceUrls.redis,
    REDIS_PREFIX: `mmbench-${process.pid}`,
    LOG_LEVEL: 'info',
  };
  const servers: ChildProcess[] = [];
  try {
    // Start-up time and memory: the bundle against the unbundled TypeScript of `npm run demo`.
    const unbundled = await start('unbundled API', ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      ...env,
      SWC_NODE_PROJECT: 'tsconfig.server.json',
    });
    servers.push(unbundled.child);
    const unbundledRss = rssMb(unbundled.child.pid!);
    unbundled.child.kill('SIGTERM');

    if (CPU_PROF) mkdirSync(CPU_PROF, { recursive: true });
    const profiled = CPU_PROF ? ['-r', join(ROOT, 'scripts/lib/cpu-profile-on-signal.cjs')] : [];
    // Event-loop delay and GC pauses of the API, summarised per load window (SIGPWR).
    const stallsFile = join(ROOT, `tmp/bench-http-stalls-${process.pid}.json`);
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    const stalls = ['-r', join(ROOT, 'scripts/lib/event-loop-stalls.cjs')];
    const api = await start('API', [...profiled, ...stalls, 'dist/apps/api/main.js'], {
      ...env,
      BENCH_CPU_PROF: CPU_PROF ?? '',
      BENCH_STALLS_FILE: stallsFile,
    });
    servers.push(api.child);
    const apiRss = rssMb(api.child.pid!);
    console.log(
      `start-up to /health: built ${fmt(api.startMs)} ms, RSS ${fmt(apiRss)} MB; ` +
        `unbundled (swc-node) ${fmt(unbundled.startMs)} ms, RSS ${fmt(unbundledRss)} MB`,
    );

    const http = new HttpClient(api.url);
    const admin = await makeUser(http);
    const org = await makeOrganization(http, admin, 'Bench Org');
    const members = await makeMembersInBulk(db, org.id, 50, 'bench');
    const bare = await start(
      'bare express',
      [...profiled, '-r', '@swc-node/register', 'scripts/ts/bench/bare-api.ts'],
      {
        ...env,
        SWC_NODE_PROJECT: 'tsconfig.server.json',
        BENCH_CPU_PROF: CPU_PROF ?? '',
      },
    );
    servers.push(bare.child);

    let next = 0;
    const memberPath = () => `/api/v1/orgs/${org.id}/members/${members[next++ % members.length]!.id}`;
    const loads: Record<string, Load> = {
      'GET /health (c=50)': { path: '/health', connections: 50 },
      'GET /api/v1/me (c=50)': { path: '/api/v1/me', connections: 50 },
      'GET /orgs/:orgId/members?pageSize=20 (c=10)': {
        path: `/api/v1/orgs/${org.id}/members?pageSize=20`,
        connections: 10,
      },
      'PATCH /orgs/:orgId/members/:userId (c=10)': {
        path: memberPath(),
        pathOf: memberPath,
        method: 'PATCH',
        body: () => JSON.stringify({ roles: ['mentee'] }),
        connections: 10,
      },
    };

    // Same statements, same rows, same bytes: compare every route's body before measuring.
    for (const load of Object.values(loads)) {
      const path = load.pathOf ? `/api/v1/orgs/${org.id}/members/${members[0]!.id}` : load.path;
      const bodies = await Promise.all(
        [api, bare].map(async (server) => {
          const response = await fetch(`${server.url}${path}`, {
            method: load.method ?? 'GET',
            headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
            body: load.body?.(),
          });
          if (!response.ok) throw new Error(`${server.name} ${path}: ${response.status}`);
          return Buffer.from(await response.arrayBuffer());
        }),
      );
      if (!bodies[0]!.equals(bodies[1]!))
        throw new Error(`bodies differ on ${path}:\n API  ${bodies[0]}\n bare ${bodies[1]}`);
    }
    console.log('bodies byte-identical on every route\n');

    let missed = false;
    const rows: string[] = [];
    const selected = Object.entries(loads).filter(
      ([route]) => !ROUTES || ROUTES.some((r) => route.includes(r)),
    );
    for (const [route, load] of selected) {
      for (const server of [api, bare]) await measure(server, load, admin.token, 1); // warm-up
      const runs: { api: Measured; bare: Measured }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? [api, bare] : [bare, api];
        const measured: Record<string, Measured> = {};
        for (const server of order) measured[server.name] = await measure(server, load, admin.token, SECONDS);
        runs.push({ api: measured['API']!, bare: measured['bare express']! });
      }
      const ratio = median(runs.map((run) => run.api.rps / run.bare.rps));
      const errors = runs.reduce((sum, run) => sum + run.api.errors + run.bare.errors, 0);
      const ok = ratio >= 0.5 && errors === 0;
      missed ||= !ok;
      const pick = (side: 'api' | 'bare', key: keyof Measured) => median(runs.map((run) => run[side][key]));
      const row =
        `| ${route} | ${fmt(pick('api', 'rps'))} | ${fmt(pick('api', 'p99'))} ms | ${fmt(pick('api', 'cpuPerRequest'), 2)} ms ` +
        `| ${fmt(pick('bare', 'rps'))} | ${fmt(pick('bare', 'p99'))} ms | ${fmt(pick('bare', 'cpuPerRequest'), 2)} ms ` +
        `| **${fmt(ratio, 2)}** (${runs.map((run) => fmt(run.api.rps / run.bare.rps, 2)).join(', ')}) | ≥ 0.50 ${ok ? 'ok' : 'MISSED'}${errors ? `, ${errors} errors` : ''} |`;
      rows.push(row);
      console.log(row);
      if (CPU_PROF) {
        const label = route
          .split(' ')
          .slice(0, 2)
          .join(' ')
          .replace(/[^a-z0-9]+/gi, '-')
          .replace(/-$/, '');
        // The API, then the bare handler, each alone under the profiler: the same route's
        // profiles side by side say where the API's extra time goes.
        for (const server of [api, bare]) {
          const file = `${label}${server === api ? '' : '.bare'}`;
          writeFileSync(join(CPU_PROF, 'next-label'), file);
          server.child.kill('SIGWINCH');
          const profiledRun = await measure(server, load, admin.token, SECONDS);
          server.child.kill('SIGWINCH');
          await waitFor(
            async () => existsSync(join(CPU_PROF, `${file}.done`)),
            'CPU profile written',
            30_000,
          );
          console.log(
            `  profiled ${server.name}: ${fmt(profiledRun.requests)} requests, ${join(CPU_PROF, file)}.cpuprofile`,
          );
        }
      }
    }
    console.log(
      '\n| route | API req/s | API p99 | API CPU/req | bare req/s | bare p99 | bare CPU/req | ratio (rounds) | target |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);

    /** The API's event-loop delay and GC pauses while `work` runs (SIGPWR resets, then reads them). */
    const stallsDuring = async <T>(work: () => Promise<T>): Promise<{ result: T; seen: Stalls }> => {
      const summary = async () => {
        api.child.kill('SIGPWR');
        await waitFor(async () => existsSync(stallsFile), 'event-loop summary', 10_000);
        const seen = JSON.parse(readFileSync(stallsFile, 'utf8')) as Stalls;
        rmSync(stallsFile);
        return seen;
      };
      await summary(); // reset
      const result = await work();
      return { result, seen: await summary() };
    };

    // `/health` at half its saturation, open loop (requests due at an even rate, latency from
    // when each was due): what stalls the event loop shows as p99 far above p50. The API's
    // event-loop delay and GC pauses over the same window, and the load generator's own delay
    // (it shares the two cores, and its stalls count as latency), say which it is.
    if (STALL_SECONDS > 0) {
      const health = loads['GET /health (c=50)']!;
      const saturated = await measure(api, health, admin.token, SECONDS);
      const rate = Math.max(1, Math.floor(saturated.rps / 2));
      const { result: open, seen } = await stallsDuring(() =>
        openLoop({ url: `${api.url}/health`, rate, seconds: STALL_SECONDS, connections: 50 }),
      );
      console.log(
        `\nGET /health open loop at ${fmt(rate)} req/s (half of ${fmt(saturated.rps)}) for ${STALL_SECONDS} s: ` +
          `p50 ${open.latency.p50} ms, p99 ${open.latency.p99} ms, max ${open.latency.max} ms, ${open.non2xx} errors\n` +
          `  ${describeStalls(seen)}\n` +
          `  load generator's own event-loop delay: p99 ${open.generatorDelay?.p99} ms, max ${open.generatorDelay?.max} ms`,
      );
    }

    // Sustained mixed load: each connection cycles 4 member-list reads and 1 role change.
    const mixed = async (seconds: number, overallRate?: number) => {
      const cpuBefore = cpuMs(api.child.pid!);
      const read = { method: 'GET', path: loads['GET /orgs/:orgId/members?pageSize=20 (c=10)']!.path };
      const result = await autocannon({
        url: api.url,
        connections: 10,
        duration: seconds,
        overallRate,
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        requests: [
          read,
          read,
          read,
          read,
          {
            method: 'PATCH',
            path: memberPath(),
            setupRequest: (request: Record<string, unknown>) => ({
              ...request,
              path: memberPath(),
              body: JSON.stringify({ roles: ['mentee'] }),
            }),
          },
        ],
      });
      return {
        rps: result.requests.average,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        cpuPerRequest: (cpuMs(api.child.pid!) - cpuBefore) / result.requests.total,
      };
    };
    if (SUSTAINED_SECONDS <= 0) {
      process.exitCode = missed ? 1 : 0;
      return;
    }
    const saturation = await mixed(10);
    const rate = Math.max(1, Math.floor(saturation.rps / 2));
    console.log(`\nmixed 80/20 saturation: ${fmt(saturation.rps)} req/s (p99 ${fmt(saturation.p99)} ms)`);
    const { result: sustained, seen: sustainedStalls } = await stallsDuring(() =>
      mixed(SUSTAINED_SECONDS, rate),
    );
    const sustainedOk = sustained.p99 < 50 && sustained.errors === 0;
    missed ||= !sustainedOk;
    console.log(
      `sustained mixed 80/20 at ${rate} req/s for ${SUSTAINED_SECONDS} s: ${fmt(sustained.rps)} req/s, ` +
        `p99 ${fmt(sustained.p99)} ms, ${sustained.errors} errors, ${fmt(sustained.cpuPerRequest, 2)} ms CPU/request ` +
        `— target p99 < 50 ms and 0 errors: ${sustainedOk ? 'ok' : 'MISSED'}\n  ${describeStalls(sustainedStalls)}`,
    );
    process.exitCode = missed ? 1 : 0;
  } finally {
    for (const child of servers) child.kill('SIGKILL');
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
