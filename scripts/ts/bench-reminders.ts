/*
 * npm run bench:reminders — reminder delivery end to end: 100,000 due reminders over 200
 * organizations, each delivered by our worker (a process of its own, apps/worker) — the centre's
 * row written, the email (text and HTML) handed to a local SMTP sink — against a bare BullMQ
 * worker (scripts/ts/bench/bare-reminder-worker.ts: one INSERT and one nodemailer send per job,
 * none of our code) doing the same inserts and sends, in the same run. Each side gets a Redis of
 * its own (append-only, fsync every second, as docker-compose and the Helm chart run it), so its
 * peak memory (INFO memory used_memory_peak) is its own: all its jobs wait in it at the start.
 *
 * Target: our throughput at least half the bare worker's. Prints both, the ratio and the peaks,
 * and exits 1 when the target is missed. Not part of the tests.
 *
 * Our side's notifications and outbox rows are made by SQL, as `notify` makes them; the relay
 * moves them to BullMQ before the clock starts (the queue is paused until the worker consumes).
 *
 * Environment: BENCH_REMINDERS (default 100000), BENCH_ORGS (default 200): a smaller size on a
 * busy machine, said in docs/benchmarks.md with the results. BENCH_SKEW=1: the skewed row, one
 * organization holding half the reminders, one each for as many members (50,000 at the default
 * size), the others sharing the other half. BENCH_PROFILE=<dir>: a CPU profile of each side's
 * worker process is written there (scripts/ts/bench/cpu-profile.cjs).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { MentorshipsNotifications } from '@mentorship/mentorships';
import { DeliveryTimeService, notificationDeliveryJob } from '@mentorship/notifications';
import { JOB_OPTIONS, JobQueueService, OutboxRelay } from '@mentorship/platform';
import {
  createTestServices,
  dropTestServices,
  HttpClient,
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  type RedisServer,
  startRedisServer,
  startSmtpSink,
  startTestApi,
  waitFor,
  type BulkMember,
} from '@mentorship/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';

const REMINDERS = Number(process.env['BENCH_REMINDERS'] ?? 100_000);
const ORGANIZATIONS = Number(process.env['BENCH_ORGS'] ?? 200);
const MEMBERS_PER_ORGANIZATION = 25;
/** The skewed row: organization 0 holds half the reminders, one per member. */
const SKEWED = process.env['BENCH_SKEW'] === '1';
const PROFILE_DIR = process.env['BENCH_PROFILE'];
const RATIO_TARGET = 0.5;
const ROOT = join(__dirname, '../..');
/** A Monday long past: every reminder's 09:00 has come, so every delivery job may run at once. */
const DUE = new Date('2026-01-05T00:00:00Z');
const BARE_QUEUE = 'bare-reminders';
/** Generous bounds on a hang, not judgements of speed. */
const DELIVERY_BOUND_MS = 3 * 60 * 60 * 1000;
/** One side's turn on the machine (see "the clock, in alternating slices"). */
const SLICE_MS = Number(process.env['BENCH_SLICE_S'] ?? 15) * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (line: string) => console.log(line);

interface Side {
  name: string;
  seconds: number;
  perSecond: number;
  peakBytes: number;
  peakHuman: string;
}

/** Reminders per organization: as even as the total allows (the skewed row: past the first). */
function shareOf(index: number): number {
  if (!SKEWED) return evenShare(REMINDERS, ORGANIZATIONS, index);
  const first = Math.floor(REMINDERS / 2);
  return index === 0 ? first : evenShare(REMINDERS - first, ORGANIZATIONS - 1, index - 1);
}
const evenShare = (total: number, over: number, index: number) =>
  Math.floor(total / over) + (index < total % over ? 1 : 0);
/** Members per organization: the skewed row's big one has one member per reminder. */
const membersOf = (index: number) => (SKEWED && index === 0 ? shareOf(0) : MEMBERS_PER_ORGANIZATION);

function startProcess(args: string[], env: Record<string, string>) {
  let output = '';
  const profile = PROFILE_DIR ? ['-r', './scripts/ts/bench/cpu-profile.cjs'] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '-r', '@swc-node/register', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.server.json',
      ...(PROFILE_DIR ? { BENCH_PROFILE_FILE: join(PROFILE_DIR, `${env['BENCH_SIDE']}.cpuprofile`) } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const stop = async () => {
    // Gone already (a worker killed by its own re-raised SIGTERM has a signalCode, no exitCode):
    // its 'exit' has been and will not come again, and waiting for it hung the run's cleanup.
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return { stop, output: () => output };
}

async function peakMemory(redis: RedisServer): Promise<{ bytes: number; human: string }> {
  const client = new Redis(redis.url);
  try {
    const info = await client.info('memory');
    return {
      bytes: Number(/^used_memory_peak:(\d+)/m.exec(info)?.[1]),
      human: /^used_memory_peak_human:(\S+)/m.exec(info)?.[1] ?? '?',
    };
  } finally {
    client.disconnect();
  }
}

async function main(): Promise<void> {
  log(
    `node ${process.version}, ${new Date().toISOString()}, ${REMINDERS} reminders over ${ORGANIZATIONS} organizations` +
      `${SKEWED ? ` (skewed: one holds ${shareOf(0)} for as many members)` : ''}, ` +
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
  );
  const sink = await startSmtpSink({ keep: false });
  const ourRedis = await startRedisServer(['--appendfsync', 'everysec']);
  const bareRedis = await startRedisServer(['--appendfsync', 'everysec']);
  const services = await createTestServices({ smtpUrl: sink.url, redisUrl: ourRedis.url });
  const api = await startTestApi({ services });
  const owner = new Client({ connectionString: services.db.ownerUrl });
  await owner.connect();
  const stops: (() => Promise<void>)[] = [];
  try {
    // ------------------------------------------------------------ the organizations and people
    const http = new HttpClient(api.baseUrl);
    const admin = await makeUser(http);
    const organizations: { id: string; members: BulkMember[] }[] = [];
    for (let i = 0; i < ORGANIZATIONS; i++) {
      const org = await makeOrganization(http, admin, `Bench ${i}`);
      organizations.push({
        id: org.id,
        members: await makeMembersInBulk(api.db, org.id, membersOf(i), `bench${i}x`),
      });
    }

    // ------------------------------------------------------------ ours: made by the rule, relayed
    const queue = api.app.get(JobQueueService).queue(notificationDeliveryJob.queue);
    await queue.pause(); // held until the worker is up, so only delivery is timed
    const seeding = now();
    // The rows `NotificationsService.notify` writes (a notification and its delayed delivery job
    // in the outbox), made in one statement per organization: 100,000 calls of notify would take
    // the better part of an hour on a busy machine, and making them is not what is measured here
    // (notify is covered by the tests). The relay then moves them to BullMQ as it always does.
    const deliverAt = api.app.get(DeliveryTimeService).deliveryAt(DUE, 'UTC');
    const kind = MentorshipsNotifications.trialHalfway.id;
    // As the superuser (`api.db`): row-level security is forced, for the tables' owner too.
    // Each about a match of the organization, as a trial's reminders are: the program's gate (has
    // it turned the kind off?) is read at every delivery, and the email links to the match.
    for (const [index, org] of organizations.entries()) {
      const [match] = await api.db.query<{ id: string }>(
        `WITH program AS (
           INSERT INTO programs (organization_id, id, name, settings)
           VALUES ($1, gen_random_uuid(), 'Bench',
                   '{"kind": "one-to-one", "matchingMode": "coordinator", "disabledNotificationKinds": []}')
           RETURNING organization_id, id),
         cohort AS (
           INSERT INTO cohorts (organization_id, id, program_id, name, starts_on, ends_on)
           SELECT organization_id, gen_random_uuid(), id, 'Bench', '2026-01-01', '2026-12-31' FROM program
           RETURNING organization_id, id)
         INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
         SELECT organization_id, gen_random_uuid(), id, $2, $3, 'trial', 'coordinator' FROM cohort
         RETURNING id`,
        [org.id, org.members[0]!.id, org.members[1]!.id],
      );
      await api.db.query(
        `WITH made AS (
           INSERT INTO notifications (organization_id, id, recipient_user_id, recipient_email, recipient_name,
                                      kind, idempotency_key, title, body, link, subject_type, subject_id, deliver_at)
           SELECT $1, gen_random_uuid(), ($3::uuid[])[1 + i % $6], ($4::text[])[1 + i % $6], ($5::text[])[1 + i % $6],
                  $7, $7 || ':bench.' || i, 'Halfway through your trial (' || i || ')', $8,
                  '/orgs/' || $1::uuid::text || '/matches/' || $12::uuid::text, 'match', $12::uuid, $9
             FROM generate_series(0, $2::int - 1) AS i
           RETURNING organization_id, id)
         INSERT INTO job_outbox (organization_id, id, job_key, job_name, queue, payload, not_before)
         SELECT organization_id, gen_random_uuid(), $10 || '.' || organization_id || '.' || id, $10, $11,
                jsonb_build_object('organizationId', organization_id::text, 'notificationId', id::text), $9
           FROM made`,
        [
          org.id,
          shareOf(index),
          org.members.map((m) => m.id),
          org.members.map((m) => m.email),
          org.members.map((m) => m.displayName),
          org.members.length,
          kind,
          'You are halfway through your trial period: a good moment for a first real conversation.',
          deliverAt,
          notificationDeliveryJob.name,
          notificationDeliveryJob.queue,
          match!.id,
        ],
      );
    }
    await api.app.get(OutboxRelay).relayPending();
    const waiting = await queue.getJobCounts('wait', 'paused');
    log(
      `ours: ${REMINDERS} notifications made and relayed in ${((now() - seeding) / 1000).toFixed(1)} s ` +
        `(${(waiting['wait'] ?? 0) + (waiting['paused'] ?? 0)} jobs waiting)`,
    );

    const ourWorker = startProcess(['apps/worker/src/main.ts'], {
      DATABASE_URL: services.db.appUrl,
      REDIS_URL: ourRedis.url,
      REDIS_PREFIX: services.config.redisPrefix,
      TOKEN_SECRET: services.config.tokenSecret,
      SMTP_URL: sink.url,
      LOG_LEVEL: 'warn',
      BENCH_SIDE: 'ours',
    });
    stops.push(ourWorker.stop);
    // LOG_LEVEL warn (no log line per email, as the bare worker writes none) hides the start
    // line: Redis's client list says when the worker consumes the queue.
    await waitFor(async () => (await queue.getWorkersCount()) > 0, 'our worker consuming', 120_000);
    const ourSent = async () =>
      (
        await api.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE email_state = 'sent' AND shown_in_app`,
        )
      )[0]!.n;

    // ------------------------------------------------------------ bare: the same rows and sends
    await owner.query(
      `CREATE TABLE bare_notifications (
         organization_id uuid NOT NULL, id uuid NOT NULL, recipient_user_id uuid NOT NULL,
         title text NOT NULL, body text NOT NULL, delivered_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, id))`,
    );
    const bareQueue = new Queue(BARE_QUEUE, {
      connection: { host: '127.0.0.1', port: Number(new URL(bareRedis.url).port) },
      prefix: services.config.redisPrefix,
    });
    stops.push(() => bareQueue.close());
    await bareQueue.pause();
    for (const [index, org] of organizations.entries()) {
      const jobs = Array.from({ length: shareOf(index) }, (_, i) => {
        const member = org.members[i % org.members.length]!;
        const id = randomUUID();
        return {
          name: notificationDeliveryJob.name,
          data: {
            organizationId: org.id,
            id,
            userId: member.id,
            email: member.email,
            name: member.displayName,
            title: `Halfway through your trial (${i})`,
            body: 'You are halfway through your trial period: a good moment for a first real conversation.',
            // As long as ours (the organization's match); the bare worker reads no match.
            link: `/orgs/${org.id}/matches/${randomUUID()}`,
          },
          opts: { ...JOB_OPTIONS, jobId: `${notificationDeliveryJob.name}.${org.id}.${id}` },
        };
      });
      for (let from = 0; from < jobs.length; from += 1000)
        await bareQueue.addBulk(jobs.slice(from, from + 1000));
    }
    const bareWorker = startProcess(['scripts/ts/bench/bare-reminder-worker.ts'], {
      DATABASE_URL: services.db.ownerUrl,
      REDIS_URL: bareRedis.url,
      REDIS_PREFIX: services.config.redisPrefix,
      SMTP_URL: sink.url,
      BARE_QUEUE,
      BENCH_SIDE: 'bare',
    });
    stops.push(bareWorker.stop);
    await waitFor(async () => (await bareQueue.getWorkersCount()) > 0, 'the bare worker consuming', 120_000);
    const bareRows = async () =>
      (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM bare_notifications`)).rows[0]!.n;

    // ------------------------------------------------------------ the clock, in alternating slices
    // The machine's load drifts by the minute (other engineers' runs): one side after the other
    // would compare two different machines. So the sides take turns, SLICE_MS each, until both
    // are done: only one queue is resumed at a time, and a turn ends once the paused queue's
    // running jobs have finished (its emails at the sink are then all its own). Each side's
    // time is the sum of its turns.
    const sides = [
      { name: 'our worker', queue, done: async () => (await ourSent()) === REMINDERS, emails: 0, ms: 0 },
      {
        name: 'bare BullMQ worker',
        queue: bareQueue,
        done: async () => (await bareRows()) === REMINDERS,
        emails: 0,
        ms: 0,
      },
    ];
    const started = now();
    for (let turn = 0; now() - started < DELIVERY_BOUND_MS; turn++) {
      const open = [];
      for (const side of sides) if (side.emails < REMINDERS || !(await side.done())) open.push(side);
      if (open.length === 0) break;
      const side = open[turn % open.length]!;
      const emailsBefore = sink.received();
      const from = now();
      await side.queue.resume();
      const until = from + SLICE_MS;
      while (
        now() < until &&
        !(sink.received() - emailsBefore + side.emails >= REMINDERS && (await side.done()))
      )
        await sleep(100);
      await side.queue.pause();
      await waitFor(
        async () => (await side.queue.getActiveCount()) === 0,
        `${side.name}: its turn over`,
        120_000,
      );
      side.ms += now() - from;
      side.emails += sink.received() - emailsBefore;
    }
    for (const side of sides)
      if (side.emails !== REMINDERS || !(await side.done()))
        throw new Error(`${side.name}: ${side.emails} emails, not all delivered within the bound`);
    await ourWorker.stop();
    await bareWorker.stop();
    const [ourPeak, barePeak] = [await peakMemory(ourRedis), await peakMemory(bareRedis)];
    const [ours, bare] = sides.map((side, i): Side => ({
      name: side.name,
      seconds: side.ms / 1000,
      perSecond: REMINDERS / (side.ms / 1000),
      peakBytes: [ourPeak, barePeak][i]!.bytes,
      peakHuman: [ourPeak, barePeak][i]!.human,
    })) as [Side, Side];
    log(`delivered in ${((now() - started) / 1000).toFixed(1)} s of alternating turns`);

    // ------------------------------------------------------------ results
    const ratio = ours.perSecond / bare.perSecond;
    log('');
    log('| side | reminders | seconds | reminders/s | Redis used_memory_peak |');
    log('| --- | ---: | ---: | ---: | ---: |');
    for (const side of [ours, bare])
      log(
        `| ${side.name} | ${REMINDERS} | ${side.seconds.toFixed(1)} | ${side.perSecond.toFixed(0)} | ` +
          `${side.peakHuman} (${side.peakBytes} B) |`,
      );
    log('');
    log(
      `ours / bare throughput: ${ratio.toFixed(2)} (target >= ${RATIO_TARGET}: ${ratio >= RATIO_TARGET ? 'met' : 'MISSED'}); ` +
        `load average at the end ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
    );
    if (ratio < RATIO_TARGET) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await owner.end();
    await api.close();
    await dropTestServices(services);
    // smtp-server's close waits for its clients to hang up (30 s at most): not worth waiting for.
    void sink.close();
    await ourRedis.close();
    await bareRedis.close();
  }
}

main().then(
  // Every server it started is closed; the exit does not wait for idle sockets of the SMTP sink.
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
