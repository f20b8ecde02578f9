/**
 * The export benchmark (issue 11.6): a cohort's check-ins exported as CSV and as JSON through the
 * real API, at 100,000 and at 1,000,000 rows, with the API's resident memory sampled from /proc
 * every 50 ms while the file streams. Flat memory means the peak hardly moves from the idle API's
 * and is the same at 100,000 rows as at 1,000,000: the rows come from a cursor, a batch at a time,
 * and the socket's backpressure paces the reading. Not part of the tests; docs/benchmarks.md.
 *
 *   npm run bench:analytics -- exports     (EXPORT_ROWS=1000000 by default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestDatabase,
  freePort,
  HttpClient,
  makeOrganization,
  makeUser,
  serviceUrls,
  type TestDatabase,
  waitFor,
} from '@mentorship/testing';

const ROOT = join(__dirname, '../..');
const ROWS = Number(process.env['EXPORT_ROWS'] ?? 1_000_000);
const MATCHES = 1_000;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

/** The API's memory while `work` runs: the highest sample (every 50 ms) and the last. */
async function sampled<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 50);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peakMb, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** Reads the download as a client would, counting bytes and lines, keeping nothing. */
async function download(url: string, token: string): Promise<{ bytes: number; lines: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return { bytes, lines, ms: performance.now() - started };
}

/** Check-ins number `from + 1` to `to`, spread over the matches (one in five with a private note). */
async function addCheckIns(db: TestDatabase, orgId: string, from: number, to: number): Promise<void> {
  console.log(`Writing check-ins ${(from + 1).toLocaleString('en-US')} to ${to.toLocaleString('en-US')} ...`);
  await db.query(
    `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, private_notes,
                            action_items, milestone_progress, logged_by, logged_at)
     SELECT $1, gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad((1 + i % $2::int)::text, 12, '0'))::uuid,
            date '2026-01-05' + (i % 360), 45, 'Walked through the design review feedback and agreed on next steps.',
            CASE WHEN i % 5 = 0 THEN 'A private note.' END,
            '[{"text":"Send the draft","owner":"mentee","done":true}]', '[]',
            ('00000000-0000-4000-8000-' || lpad((2 * (1 + i % $2::int))::text, 12, '0'))::uuid, now()
       FROM generate_series($3::int + 1, $4::int) i`,
    [orgId, MATCHES, from, to],
  );
  await db.query('ANALYZE check_ins');
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  let api: ChildProcess | undefined;
  try {
    const port = await freePort();
    api = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SWC_NODE_PROJECT: 'tsconfig.server.json',
        TOKEN_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: db.appUrl,
        REDIS_URL: serviceUrls.redis,
        REDIS_PREFIX: `mmbench-exports-${process.pid}`,
        LOG_LEVEL: 'warn',
        PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => (await fetch(`${base}/health`).catch(() => null))?.ok === true,
      'API start',
      90_000,
    );
    const http = new HttpClient(base);
    const admin = await makeUser(http);
    const orgId = (await makeOrganization(http, admin, 'Export bench')).id;
    const program = await http.post<{ id: string }>(`/api/v1/orgs/${orgId}/programs`, { name: 'Bench', settings: {} }, admin.token); // prettier-ignore
    const cohortId = (
      await http.post<{ id: string }>(
        `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
        { name: 'Bench cohort', startsOn: '2026-01-05', endsOn: '2026-12-31' },
        admin.token,
      )
    ).body.id;
    await db.query(
      `INSERT INTO users (id, email, display_name, password_hash)
       SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'bench-' || i || '@example.test', 'Bench ' || i, 'x'
         FROM generate_series(1, $1::int * 2) i`,
      [MATCHES],
    );
    await db.query(
      `INSERT INTO memberships (organization_id, user_id, roles)
       SELECT $1, ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, '{mentee}' FROM generate_series(1, $2::int * 2) i`,
      [orgId, MATCHES],
    );
    await db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       SELECT $1, ('00000000-0000-4000-9000-' || lpad(i::text, 12, '0'))::uuid, $2,
              ('00000000-0000-4000-8000-' || lpad((2 * i - 1)::text, 12, '0'))::uuid,
              ('00000000-0000-4000-8000-' || lpad((2 * i)::text, 12, '0'))::uuid, 'active', 'coordinator'
         FROM generate_series(1, $3::int) i`,
      [orgId, cohortId, MATCHES],
    );
    const idleMb = rssMb(api.pid!);
    const results: string[] = [];
    let written = 0;
    for (const size of [...new Set([Math.min(100_000, ROWS), ROWS])]) {
      await addCheckIns(db, orgId, written, size);
      written = size;
      for (const format of ['csv', 'json'] as const) {
        const url = `${base}/api/v1/orgs/${orgId}/analytics/cohorts/${cohortId}/export/check-ins?format=${format}`;
        const { result, peakMb } = await sampled(api.pid!, () => download(url, admin.token));
        // CSV: a header line; JSON: the opening and closing bracket lines.
        const rows = format === 'csv' ? result.lines - 1 : result.lines - 2;
        if (rows !== size) throw new Error(`the ${format} export has ${rows} rows of ${size}`);
        results.push(
          `| ${format.toUpperCase()} | ${rows.toLocaleString('en-US')} | ${(result.bytes / 1e6).toFixed(0)} MB | ` +
            `${(result.ms / 1000).toFixed(1)} s | ${Math.round(rows / (result.ms / 1000)).toLocaleString('en-US')} | ` +
            `${idleMb.toFixed(0)} MB | ${peakMb.toFixed(0)} MB | +${(peakMb - idleMb).toFixed(0)} MB |`,
        );
      }
    }
    console.log('\n| format | rows | size | time | rows/s | API RSS idle | API RSS peak | peak - idle |');
    console.log('| --- | --: | --: | --: | --: | --: | --: | --: |');
    for (const line of results) console.log(line);
  } finally {
    api?.kill('SIGTERM');
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
