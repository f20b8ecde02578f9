/*
 * npm run bench:analytics — the analytics rollup and the dashboard API, on the real API, Postgres
 * and Redis (a database and Redis namespace of its own, dropped at the end). Every number is
 * measured in this run; the script prints each against its target and exits 1 when one is missed.
 *
 *   1. The rollup of a year (365 days) of one organization with 1,000,000 check-ins and 100,000
 *      matches (and their events, requests, pulses, maps, enrolled mentors) — `RollupService.rollUp`,
 *      what the nightly and re-run jobs call, in one tenant transaction, a full pass over all days —
 *      vs a bare SQL aggregate computing the same rows of every fact table from the same source rows
 *      in the same run (scripts/ts/bench/analytics-anchor.ts: plain SQL written from the rules, not
 *      the rollup's SQL, no fact table written; checked row for row against what the rollup stored).
 *      Each is run BENCH_REPEATS times, interleaved, after one untimed pass of the anchor (no timed
 *      run pays the seed's cold cache); the medians are compared. Target <= 1.5x. The first round
 *      (every row inserted) is held to the same target and printed on its own; a lower bound (the
 *      sources grouped by cohort and day, not the same outputs) is printed beside it.
 *   2. Every dashboard route (from the rollups) under autocannon with 50 connections on localhost
 *      (a child process): its saturation rate and closed-loop p99, then requests arriving evenly at
 *      half that rate (scripts/lib/open-loop-load.mjs, over up to 50 connections), whose p99 is
 *      held to the 50 ms target, as bench:people does. `GET /health` is measured alongside.
 *
 * Environment: BENCH_SCALE (default 1: 1,000,000 check-ins and 100,000 matches; 0.1 for a tenth on a
 * busy machine), BENCH_DURATION_S (seconds of load per route, default 8), BENCH_REPEATS (default 3).
 * For working on the dashboard alone: BENCH_KEEP_DB=1 keeps the database (its name is printed);
 * BENCH_REUSE_DB=<name> measures the routes on such a kept database (migrated up to the code checked
 * out; no seed, no rollup: the rows the run that kept it rolled up); BENCH_ROUTES=retention,trial-funnel
 * measures only those routes, in that order (after /health; keys in ROUTE_KEYS); BENCH_CPU_PROF=<dir> adds, after
 * each route's measures, a closed-loop window profiled (the API runs in this process), written to
 * <dir>/<route>.cpuprofile (`node scripts/cpu-profile-summary.mjs <file> 30 <requests>`). Every
 * route's latency window also prints this process's event-loop delay and GC pauses.
 *
 * Method and recorded results: docs/benchmarks.md.
 */
import { ROLLUP_SETTINGS, RollupService } from '@mentorship/analytics';
import { TenancyService, TenantContext } from '@mentorship/platform';
import {
  createTestServices,
  dropTestServices,
  HttpClient,
  makeOrganization,
  makeUser,
  startTestApi,
} from '@mentorship/testing';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { anchorDifferences, AnchorParameters, anchorRows, Query } from './bench/analytics-anchor';
import { closedLoop, openLoop } from './bench/load';
import { describeStalls, stallWindow } from './bench/process-stalls';
import { loadAverage, markdownTable, median, runBench } from './bench/report';

const SCALE = Number(process.env['BENCH_SCALE'] ?? 1);
const CHECK_INS = Math.round(1_000_000 * SCALE);
const MATCHES = Math.round(100_000 * SCALE);
const MENTORS = Math.round(8_000 * SCALE);
const MENTEES = Math.round(60_000 * SCALE);
const COHORTS = 24;
const DAYS = 365;
const ZONE = 'Europe/Berlin';
const RATIO_TARGET = 1.5;
const P99_TARGET_MS = 50;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 8);
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
const WARM_UP_S = 2;
const ORGANIZATION_NAME = 'Bench Org';
const REUSE_DB = process.env['BENCH_REUSE_DB'] || undefined;
const ROUTES = process.env['BENCH_ROUTES']
  ?.split(',')
  .map((key) => key.trim())
  .filter(Boolean);
const CPU_PROF = process.env['BENCH_CPU_PROF'] || undefined;
/** The dashboard routes measured, by the key BENCH_ROUTES names them with. */
const ROUTE_KEYS = [
  'retention',
  'trial-funnel',
  'engagement',
  'utilization',
  'time-to-match',
  'participation',
  'exits',
  'cohorts',
  'trial-funnel-year',
] as const;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  log(
    `node ${process.version}, ${new Date().toISOString()}, scale ${SCALE}: ${CHECK_INS} check-ins, ${MATCHES} matches, ${MENTORS} mentors, ${MENTEES} mentees, ${COHORTS} cohorts, ${DAYS} days; load average ${loadAverage()}`,
  );
  const unknown = (ROUTES ?? []).filter((key) => !(ROUTE_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0)
    throw new Error(`BENCH_ROUTES: no route ${unknown.join(', ')} (choose from ${ROUTE_KEYS.join(', ')})`);
  const services = await createTestServices({}, { keptDatabase: REUSE_DB });
  const api = await startTestApi({ services });
  const admin = new Client({ connectionString: adminUrlOf(services.db.ownerUrl, services.db.name) });
  await admin.connect();
  let failed = false;
  try {
    const http = new HttpClient(api.baseUrl);
    const to = DateTime.now().setZone(ZONE).minus({ days: 1 }).toISODate()!;
    const from = DateTime.fromISO(to)
      .minus({ days: DAYS - 1 })
      .toISODate()!;
    let owner: Awaited<ReturnType<typeof makeUser>>;
    let orgId: string;
    if (REUSE_DB) {
      ({ owner, orgId } = await benchAdminOf(admin, http));
      log(`reusing database ${REUSE_DB} (organization ${orgId}): no seed, no rollup`);
    } else {
      owner = await makeUser(http);
      orgId = (await makeOrganization(http, owner, ORGANIZATION_NAME)).id;
      const seeding = performance.now();
      await seed(admin, orgId, from);
      log(`seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s (organization ${orgId})`);
      await admin.query('VACUUM ANALYZE');
      if (await rollupRounds(api, admin, orgId, from, to)) failed = true;
    }

    if (
      process.env['BENCH_ROLLUP_ONLY'] !== '1' &&
      (await routeRounds(api, admin, http, owner, orgId, from, to))
    )
      failed = true;
  } finally {
    await admin.end();
    await api.close();
    if (process.env['BENCH_KEEP_DB'] || REUSE_DB) log(`kept database ${services.db.name}`);
    else await dropTestServices(services);
  }
  process.exit(failed ? 1 : 0);
}

/** 2. The dashboard routes under load, each against its target; true when one is missed. */
async function routeRounds(
  api: Awaited<ReturnType<typeof startTestApi>>,
  admin: Client,
  http: HttpClient,
  owner: Awaited<ReturnType<typeof makeUser>>,
  orgId: string,
  from: string,
  to: string,
): Promise<boolean> {
  let failed = false;
  const base = `${api.baseUrl}/api/v1/orgs/${orgId}/analytics`;
  const q = `from=${DateTime.fromISO(to).minus({ days: 89 }).toISODate()}&to=${to}`;
  // The fact tables were empty at the VACUUM ANALYZE above: without statistics the planner takes
  // every range of them for one row. Autovacuum gets there on a live system; here, now.
  await admin.query(
    'VACUUM ANALYZE analytics_cohort_days, analytics_time_to_match_days, analytics_utilization_days, analytics_exit_days, analytics_retention, analytics_membership_outcomes',
  );
  const allRoutes: [(typeof ROUTE_KEYS)[number] | null, string, string][] = [
    [null, '/health', `${api.baseUrl}/health`],
    ['retention', 'retention', `${base}/retention?${q}`],
    ['trial-funnel', 'trial-funnel', `${base}/trial-funnel?${q}`],
    ['engagement', 'engagement (week)', `${base}/engagement?${q}&granularity=week`],
    ['utilization', 'utilization', `${base}/utilization?${q}`],
    ['time-to-match', 'time-to-match', `${base}/time-to-match?${q}`],
    ['participation', 'participation', `${base}/participation?${q}`],
    ['exits', 'exits', `${base}/exits?${q}`],
    ['cohorts', 'cohorts', `${base}/cohorts?${q}`],
    ['trial-funnel-year', 'trial-funnel, a year', `${base}/trial-funnel?from=${from}&to=${to}`],
  ];
  // In BENCH_ROUTES's order when it names them (/health first): the first tenant route measured
  // is also the one whose windows the request path's code is first optimized in.
  const routes = ROUTES
    ? [allRoutes[0]!, ...ROUTES.map((key) => allRoutes.find(([route]) => route === key)!)]
    : allRoutes;
  // The sign-up's access token lasts 15 minutes, less than a full-size seed and rounds take on a
  // busy machine: a fresh one, from the refresh token, for the routes (3 minutes of load).
  const refreshed = await http.post<{ accessToken: string }>('/api/v1/auth/refresh', {
    refreshToken: owner.refreshToken,
  });
  if (refreshed.status !== 201 && refreshed.status !== 200)
    throw new Error(`refresh failed: ${refreshed.status} ${JSON.stringify(refreshed.body)}`);
  const token = refreshed.body.accessToken;
  const table = [
    [
      'route',
      'answer bytes',
      'saturation req/s',
      'API CPU µs/req',
      'Postgres CPU µs/req',
      'closed-loop p99',
      'half-load req/s',
      'half-load p50',
      'half-load p99',
      'loop delay p99 / max',
      'GC pauses (count, sum, max)',
      'generator delay p99 / max',
      'load average',
    ],
  ];
  const results: { name: string; p99: number }[] = [];
  // Every tenant route under load once before any is measured: the request path they share
  // (guard, pipes, pg) is otherwise optimized by V8 during the first route's windows, which then
  // cost it 25-40% more CPU per request than the same route measured later (19:55 UTC,
  // docs/benchmarks.md); a running API is past that.
  for (const [key, , url] of routes)
    if (key !== null)
      await closedLoop({ url, connections: CONNECTIONS, seconds: WARM_UP_S, tokens: { token } });
  for (const [key, name, url] of routes) {
    const tokens = key === null ? null : { token };
    // One answer first: it must be a 200, and its size is part of what each request costs.
    const sample = await fetch(url, { headers: key === null ? {} : { authorization: `Bearer ${token}` } });
    const bytes = Buffer.byteLength(await sample.text());
    if (!sample.ok) throw new Error(`${name}: ${sample.status}`);
    await closedLoop({ url, connections: CONNECTIONS, seconds: WARM_UP_S, tokens });
    // CPU time is what a request costs this process whatever the machine's load does to latency
    // (the load generator is a child process: not counted).
    const cpuBefore = process.cpuUsage();
    const backendsBefore = await backendCpuMs(admin);
    const saturation = await closedLoop({ url, connections: CONNECTIONS, seconds: DURATION_S, tokens });
    const cpu = process.cpuUsage(cpuBefore);
    const answered = Math.max(1, saturation.requests.total);
    const cpuPerRequest = (cpu.user + cpu.system) / answered;
    const backendPerRequest = backendCpuSince(backendsBefore, await backendCpuMs(admin)) * (1000 / answered);
    const offered = saturation.requests.average / 2;
    // The API runs in this process: its event-loop delay and GC pauses during the latency window.
    const stalls = stallWindow();
    const half = await openLoop({
      url,
      rate: offered,
      seconds: DURATION_S,
      connections: CONNECTIONS,
      tokens,
    });
    const stalled = stalls.end();
    const errors = saturation.non2xx + saturation.errors + half.non2xx;
    if (errors > 0) {
      log(`${name}: ${errors} failed requests`);
      failed = true;
    }
    table.push([
      name,
      String(bytes),
      saturation.requests.average.toFixed(0),
      `${cpuPerRequest.toFixed(0)} (sys ${(cpu.system / answered).toFixed(0)})`,
      backendPerRequest.toFixed(0),
      `${saturation.latency.p99} ms`,
      offered.toFixed(0),
      `${half.latency.p50.toFixed(1)} ms`,
      `${half.latency.p99.toFixed(1)} ms`,
      ...describeStalls(stalled),
      half.generatorDelay ? `${half.generatorDelay.p99} / ${half.generatorDelay.max} ms` : '-',
      loadAverage(),
    ]);
    log(`  ${table.at(-1)!.join('  ')}`);
    if (key !== null) results.push({ name, p99: half.latency.p99 });
    if (key !== null && half.latency.p99 > P99_TARGET_MS) failed = true;
    if (CPU_PROF)
      await profiled(key ?? 'health', { url, connections: CONNECTIONS, seconds: DURATION_S, tokens });
  }
  log('');
  log(markdownTable(table));
  const worst = [...results].sort((a, b) => b.p99 - a.p99)[0];
  if (worst)
    log(
      `worst route: ${worst.name}, p99 ${worst.p99.toFixed(1)} ms at half its saturation rate (target <= ${P99_TARGET_MS} ms) ${worst.p99 <= P99_TARGET_MS ? 'met' : 'MISSED'}; load average ${loadAverage()}`,
    );
  return failed;
}

/**
 * CPU milliseconds used so far by each Postgres backend connected to the benchmark's database (the
 * API's pool), by pid, from /proc: what a route costs Postgres, apart from other databases' work on
 * the machine. Empty where /proc is not readable (Postgres elsewhere).
 */
async function backendCpuMs(admin: Client): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // utime and stime: fields 14 and 15, counted after the command's closing parenthesis.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // A backend that ended in between.
    }
  }
  return used;
}

/** What the backends alive at the end used since `before` (one that started since: all of it). */
function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * A kept database's benchmark organization, and a new admin of it (signed up now, made a member by
 * the superuser): the run that seeded it kept no password of its owner.
 */
async function benchAdminOf(
  db: Client,
  http: HttpClient,
): Promise<{ owner: Awaited<ReturnType<typeof makeUser>>; orgId: string }> {
  const found = await db.query<{ id: string }>(`SELECT id FROM organizations WHERE name = $1`, [
    ORGANIZATION_NAME,
  ]);
  if (found.rows.length !== 1)
    throw new Error(`${found.rows.length} organizations named ${ORGANIZATION_NAME}`);
  const orgId = found.rows[0]!.id;
  const owner = await makeUser(http);
  await db.query(`INSERT INTO memberships (organization_id, user_id, roles) VALUES ($1, $2, '{admin}')`, [
    orgId,
    owner.id,
  ]);
  return { owner, orgId };
}

/** A closed-loop window with this process's CPU profiled, written to BENCH_CPU_PROF/<name>.cpuprofile. */
async function profiled(name: string, load: Parameters<typeof closedLoop>[0]): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const measured = await closedLoop(load);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync(CPU_PROF!, { recursive: true });
  const file = join(CPU_PROF!, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  log(
    `  CPU profile of ${measured.requests.total} requests (${measured.requests.average.toFixed(0)} req/s profiled): ${file}`,
  );
}

/** 1. The rollup vs the bare aggregate, interleaved; true when a target is missed. */
async function rollupRounds(
  api: Awaited<ReturnType<typeof startTestApi>>,
  admin: Client,
  orgId: string,
  from: string,
  to: string,
): Promise<boolean> {
  let failed = false;
  const tenancy = api.app.get(TenancyService);
  const rollups = api.app.get(RollupService);
  const rollupMs: number[] = [];
  const bareMs: number[] = [];
  const lowerBoundMs: number[] = [];
  // What "now" is for a request left unanswered: the rollup takes its clock's; every request of
  // the seed expired months before either (its sending + 14 days is before the range's end).
  const asOf = new Date();
  const anchorParameters: AnchorParameters = [orgId, from, to, ZONE, asOf];
  const inTenant = <T>(work: () => Promise<T>) => tenancy.runInTenant(orgId, work);
  const query: Query = (sql, parameters) => TenantContext.manager().query(sql, parameters);
  const anchor = () => inTenant(() => anchorRows(query, ROLLUP_SETTINGS, anchorParameters));
  log(`untimed warm-up pass of the anchor: ${JSON.stringify((await anchor()).ms)} ms`);
  for (let i = 0; i < REPEATS; i++) {
    let started = performance.now();
    await inTenant(() => rollups.rollUp(from, to));
    rollupMs.push(performance.now() - started);
    started = performance.now();
    const bare = await anchor();
    bareMs.push(performance.now() - started);
    started = performance.now();
    const groups = await inTenant(async () => {
      const manager = TenantContext.manager();
      for (const [name, value] of Object.entries(ROLLUP_SETTINGS))
        await manager.query(`SELECT set_config($1, $2, true)`, [name, value]);
      const [row] = await manager.query(SOURCES_GROUPED, [orgId, from, to, ZONE]);
      return Number(row.n);
    });
    lowerBoundMs.push(performance.now() - started);
    log(
      `  round ${i + 1}${i === 0 ? ' (the first rollup: every row inserted)' : ' (a re-run of the year)'}: rollup ${ms(rollupMs[i]!)}, bare aggregate ${ms(bareMs[i]!)} (rows ${JSON.stringify(bare.rows)}; ms ${JSON.stringify(bare.ms)}), sources grouped by cohort and day ${ms(lowerBoundMs[i]!)} (${groups} groups); load average ${loadAverage()}`,
    );
    if (i === 0) {
      // The comparison is fair only if both compute the same rows: the anchor's rows against
      // the stored ones, EXCEPT ALL both ways (not timed).
      const differences = await inTenant(() => anchorDifferences(query, ROLLUP_SETTINGS, anchorParameters));
      const unequal = Object.entries(differences).filter(([, d]) => d.differing > 0 || d.stored === 0);
      log(
        `  the anchor's rows against the rollup's, EXCEPT ALL both ways: ${unequal.length === 0 ? 'equal' : 'NOT EQUAL'} ${JSON.stringify(differences)}`,
      );
      if (unequal.length > 0) failed = true;
    }
  }
  const ratio = median(rollupMs) / median(bareMs);
  const firstRatio = rollupMs[0]! / median(bareMs);
  const written = (
    await admin.query(
      `SELECT (SELECT count(*) FROM analytics_cohort_days WHERE organization_id = $1)
            + (SELECT count(*) FROM analytics_utilization_days WHERE organization_id = $1)
            + (SELECT count(*) FROM analytics_time_to_match_days WHERE organization_id = $1)
            + (SELECT count(*) FROM analytics_retention WHERE organization_id = $1)
            + (SELECT count(*) FROM analytics_exit_days WHERE organization_id = $1)
            + (SELECT count(*) FROM analytics_membership_outcomes WHERE organization_id = $1) AS n`,
      [orgId],
    )
  ).rows[0].n;
  log(
    `the first rollup (inserting every row) ${ms(rollupMs[0]!)}: ${firstRatio.toFixed(2)}x the bare aggregate's median (target <= ${RATIO_TARGET}x) ${firstRatio <= RATIO_TARGET ? 'met' : 'MISSED'}`,
  );
  if (firstRatio > RATIO_TARGET) failed = true;
  log(
    `sources grouped by cohort and day (a lower bound, not the same outputs): median ${ms(median(lowerBoundMs))}; the rollup is ${(median(rollupMs) / median(lowerBoundMs)).toFixed(2)}x it`,
  );
  log(
    `rollup of ${DAYS} days: median ${ms(median(rollupMs))} (${written} rows) vs bare aggregate of the same rows median ${ms(median(bareMs))}: ${ratio.toFixed(2)}x (target <= ${RATIO_TARGET}x) ${ratio <= RATIO_TARGET ? 'met' : 'MISSED'}; load average ${loadAverage()}`,
  );
  if (ratio > RATIO_TARGET) failed = true;
  return failed;
}

/**
 * Every source row the rollup reads, grouped by cohort and day, once, printed beside the target
 * as a lower bound: it does not compute the rollup's outputs (no steps in order per match, per
 * mentor or per mentee), so it is less than any rollup of these rows must do. It was the target's
 * anchor until 2026-12-02 21:00 UTC; the anchor is now scripts/ts/bench/analytics-anchor.ts, the same rows.
 * (`$1` organization, `$2`..`$3` the range, `$4` the zone.) Run as the rollup runs: the runtime
 * role in the tenant's transaction (row-level security bound) with the rollup's settings.
 */
const SOURCES_GROUPED = `
  WITH lo AS (SELECT ($2::date::timestamp AT TIME ZONE $4) AS at), hi AS (SELECT (($3::date + 1)::timestamp AT TIME ZONE $4) AS at)
  SELECT count(*) AS n FROM (
    SELECT m.cohort_id, ci.held_on AS day, count(*) FROM check_ins ci
      JOIN matches m ON m.organization_id = ci.organization_id AND m.id = ci.match_id
     WHERE ci.organization_id = $1 AND ci.held_on BETWEEN $2::date AND $3::date GROUP BY 1, 2
    UNION ALL
    SELECT m.cohort_id, (e.occurred_at AT TIME ZONE $4)::date, count(*) FROM match_events e
      JOIN matches m ON m.organization_id = e.organization_id AND m.id = e.match_id
     WHERE e.organization_id = $1 GROUP BY 1, 2
    UNION ALL
    SELECT cohort_id, (created_at AT TIME ZONE $4)::date, count(*) FROM matches WHERE organization_id = $1 GROUP BY 1, 2
    UNION ALL
    SELECT r.cohort_id, (s.at AT TIME ZONE $4)::date, count(*) FROM match_requests r
      CROSS JOIN LATERAL (VALUES (r.created_at), (r.decided_at), (r.expires_at)) AS s(at)
     WHERE r.organization_id = $1 AND s.at >= (SELECT at FROM lo) AND s.at < (SELECT at FROM hi) GROUP BY 1, 2
    UNION ALL
    SELECT m.cohort_id, (p.answered_at AT TIME ZONE $4)::date, count(*) FROM pulse_answers p
      JOIN matches m ON m.organization_id = p.organization_id AND m.id = p.match_id
     WHERE p.organization_id = $1 AND p.answered_at >= (SELECT at FROM lo) AND p.answered_at < (SELECT at FROM hi) GROUP BY 1, 2
    UNION ALL
    SELECT cohort_id, (answered_at AT TIME ZONE $4)::date, count(*) FROM cohort_survey_answers
     WHERE organization_id = $1 GROUP BY 1, 2
    UNION ALL
    SELECT m.cohort_id, (x->>'doneOn')::date, count(*) FROM mentorship_maps mm
      JOIN matches m ON m.organization_id = mm.organization_id AND m.id = mm.match_id
      CROSS JOIN LATERAL jsonb_array_elements(mm.content->'milestones') x
     WHERE mm.organization_id = $1 AND x->>'doneOn' BETWEEN $2::text AND $3::text GROUP BY 1, 2
    UNION ALL
    SELECT cp.cohort_id, (cp.enrolled_at AT TIME ZONE $4)::date, count(pr.user_id) FROM cohort_participants cp
      LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
     WHERE cp.organization_id = $1 AND cp.status = 'enrolled' GROUP BY 1, 2
    UNION ALL
    SELECT NULL::uuid, (joined_at AT TIME ZONE $4)::date, count(left_at) FROM analytics_member_tenures
     WHERE organization_id = $1 GROUP BY 1, 2
  ) grouped`;

/** The organization's year, written with set-based INSERTs as the superuser. */
async function seed(db: Client, orgId: string, from: string): Promise<void> {
  const steps = [
    `INSERT INTO analytics_settings (organization_id, time_zone) VALUES ($1, '${ZONE}')`,
    `INSERT INTO users (id, email, display_name, password_hash)
       SELECT gen_random_uuid(), 'bench-' || i || '@example.test', 'Bench ' || i, 'x' FROM generate_series(1, ${MENTORS + MENTEES}) i`,
    `INSERT INTO memberships (organization_id, user_id, roles, created_at)
       SELECT $1, id, '{mentee}', $2::date - 200 + (random() * 500)::int FROM users WHERE email LIKE 'bench-%'`,
    `CREATE TEMP TABLE people AS
       SELECT user_id, row_number() OVER (ORDER BY user_id) AS n FROM memberships WHERE organization_id = $1 AND roles = '{mentee}'`,
    `INSERT INTO profiles (organization_id, user_id, mentor_capacity)
       SELECT $1, user_id, 1 + n % 5 FROM people WHERE n <= ${MENTORS}`,
    `INSERT INTO programs (organization_id, id, name, settings)
       SELECT $1, gen_random_uuid(), 'Program ' || i, '{"kind": "one-to-one", "matchingMode": "coordinator", "defaultMentorCapacity": 2}'
         FROM generate_series(1, 3) i`,
    `INSERT INTO cohorts (organization_id, id, program_id, name, status, starts_on, ends_on, settings_snapshot)
       SELECT $1, gen_random_uuid(), p.id, 'Cohort ' || i, 'running', $2::date + (i * 10), $2::date + (i * 10) + 300, p.settings
         FROM generate_series(1, ${COHORTS}) i
         JOIN LATERAL (SELECT id, settings FROM programs WHERE organization_id = $1 ORDER BY id OFFSET i % 3 LIMIT 1) p ON true`,
    `CREATE TEMP TABLE cohort_list AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM cohorts WHERE organization_id = $1`,
    // Each mentor in three cohorts, each mentee in one.
    `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
       SELECT $1, gen_random_uuid(), c.id, 'bench-' || p.n || '-' || c.k || '@example.test', p.user_id, 'mentor', 'enrolled', 'import',
              $2::date + (random() * 200)::int
         FROM people p CROSS JOIN generate_series(0, 2) j
         JOIN cohort_list c ON c.k = (p.n + j * 7) % ${COHORTS}
        WHERE p.n <= ${MENTORS}`,
    `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
       SELECT $1, gen_random_uuid(), c.id, 'bench-' || p.n || '@example.test', p.user_id, 'mentee', 'enrolled', 'import',
              $2::date + (random() * 300)::int
         FROM people p JOIN cohort_list c ON c.k = p.n % ${COHORTS}
        WHERE p.n > ${MENTORS}`,
    // Matches: a mentee of the cohort with one or two of its mentors; a path through the state machine.
    `CREATE TEMP TABLE mentor_list AS
       SELECT cohort_id, user_id, row_number() OVER (PARTITION BY cohort_id ORDER BY user_id) - 1 AS k,
              count(*) OVER (PARTITION BY cohort_id) AS mentors
         FROM cohort_participants WHERE organization_id = $1 AND role = 'mentor'`,
    `CREATE TEMP TABLE bench_matches AS
       SELECT *, row_number() OVER () - 1 AS n FROM (
         SELECT gen_random_uuid() AS id, mentee.cohort_id, ml.user_id AS mentor, mentee.user_id AS mentee,
                mentee.enrolled_at + random() * 30 * interval '1 day' AS created_at, (random() * 9)::int AS path
           FROM (SELECT cohort_id, user_id, enrolled_at, row_number() OVER (PARTITION BY cohort_id ORDER BY user_id) AS r
                   FROM cohort_participants WHERE organization_id = $1 AND role = 'mentee') mentee
           CROSS JOIN generate_series(0, 1) j
           JOIN (SELECT DISTINCT cohort_id, mentors FROM mentor_list) counted ON counted.cohort_id = mentee.cohort_id
           -- An equality on computed keys: a hash join, not every mentee against every mentor.
           JOIN mentor_list ml ON ml.cohort_id = mentee.cohort_id AND ml.k = (mentee.r + j * 17) % counted.mentors
          ORDER BY j, mentee.user_id
          LIMIT ${MATCHES}) chosen`,
    `CREATE INDEX ON bench_matches (n)`,
    `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin, created_at)
       SELECT $1, id, cohort_id, mentor, mentee,
              (ARRAY['proposed','declined','trial','trial_declined','active','active','completed','ended','active','completed'])[path + 1],
              'round', created_at
         FROM bench_matches`,
    `INSERT INTO match_events (organization_id, id, match_id, action, from_status, to_status, actor, occurred_at)
       SELECT $1, gen_random_uuid(), b.id, s.action, s.from_status, s.to_status, 'mentor', b.created_at + (s.k * 12 || ' days')::interval
         FROM bench_matches b
         CROSS JOIN LATERAL (VALUES
           (1, 'approve', 'proposed', 'pending'), (2, 'accept', 'pending', 'trial'), (3, 'confirm', 'trial', 'active'),
           (4, 'complete', 'active', 'completed')) AS s(k, action, from_status, to_status)
        WHERE (b.path = 1 AND s.k = 1) OR (b.path IN (2, 3, 4, 5, 6, 7, 8, 9) AND s.k <= 2)
           OR (b.path IN (4, 5, 6, 7, 8, 9) AND s.k = 3) OR (b.path IN (6, 9) AND s.k = 4)`,
    `INSERT INTO match_events (organization_id, id, match_id, action, from_status, to_status, actor, occurred_at)
       SELECT $1, gen_random_uuid(), id, CASE WHEN path = 1 THEN 'reject' WHEN path = 3 THEN 'end_trial' ELSE 'end' END,
              CASE WHEN path = 1 THEN 'pending' WHEN path = 3 THEN 'trial' ELSE 'active' END,
              CASE WHEN path = 1 THEN 'declined' WHEN path = 3 THEN 'trial_declined' ELSE 'ended' END,
              'mentee', created_at + interval '60 days'
         FROM bench_matches WHERE path IN (1, 3, 7)`,
    `UPDATE matches m SET status = 'declined' FROM bench_matches b WHERE m.id = b.id AND b.path = 1`,
    `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
         milestone_progress, logged_by, logged_at)
       SELECT $1, gen_random_uuid(), b.id, least(($2::date + ${DAYS} - 1), (b.created_at + random() * 120 * interval '1 day')::date),
              30, '', '[]', '[]', b.mentee, now()
         FROM generate_series(1, ${CHECK_INS}) i
         JOIN bench_matches b ON b.n = i % ${MATCHES}`,
    `INSERT INTO pulse_answers (organization_id, match_id, side, period, rating, answered_by, answered_at)
       SELECT $1, id, 'mentee', 0, 1 + (random() * 4)::int, mentee, created_at + interval '20 days' FROM bench_matches WHERE path >= 4`,
    `INSERT INTO mentorship_maps (organization_id, match_id, version, content, next_review_on, updated_by, updated_at, created_at)
       SELECT $1, id, 1, jsonb_build_object('milestones', jsonb_build_array(
                jsonb_build_object('id', gen_random_uuid(), 'doneOn', to_char(created_at + interval '40 days', 'YYYY-MM-DD')),
                jsonb_build_object('id', gen_random_uuid(), 'doneOn', null))),
              current_date, mentee, now(), now()
         FROM bench_matches WHERE path >= 4`,
    `INSERT INTO match_requests (organization_id, id, cohort_id, mentee_user_id, mentor_user_id, status, subject, how_found,
         want_to_learn, specific_ask, offer_back, decline_reason, expires_at, decided_at, created_at)
       SELECT $1, gen_random_uuid(), cohort_id, mentee, mentor, (ARRAY['accepted','declined','expired'])[1 + path % 3],
              's', 'h', 'w', 'a', 'o', CASE WHEN path % 3 = 1 THEN 'too-busy' END, created_at + interval '14 days',
              CASE WHEN path % 3 < 2 THEN created_at + interval '2 days' END, created_at - interval '3 days'
         FROM bench_matches WHERE path % 2 = 0`,
  ];
  for (const sql of steps)
    await db.query(sql, sql.includes('$2') ? [orgId, from] : sql.includes('$1') ? [orgId] : []);
  // The set-based statements are not the timed part: a quick check that the year is there.
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM check_ins WHERE organization_id = $1) AS check_ins,
              (SELECT count(*) FROM matches WHERE organization_id = $1) AS matches,
              (SELECT count(*) FROM match_events WHERE organization_id = $1) AS events`,
      [orgId],
    )
  ).rows[0];
  log(`seeded ${counts.check_ins} check-ins, ${counts.matches} matches, ${counts.events} match events`);
}

function adminUrlOf(ownerUrl: string, database: string): string {
  const admin = new URL(process.env['DATABASE_ADMIN_URL'] ?? ownerUrl);
  admin.pathname = `/${database}`;
  return admin.toString();
}

const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;

runBench(main);
