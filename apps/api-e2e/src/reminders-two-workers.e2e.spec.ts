import { organizationPurgeSchedule } from '@mentorship/organizations';
import { OutboxRelay } from '@mentorship/platform';
import { useTestSystem, waitFor } from '@mentorship/testing';
import { killProcesses, type RunningEntryPoint, startWorkerProcess } from './support/entry-points';
import {
  batchJobs,
  batchSettled,
  exactlyOnce,
  makeReminderBatch,
  remindersQueue,
  tallyBatch,
} from './support/reminder-batch';

const REMINDERS = 40;

/**
 * Reminders are event-driven delayed jobs (made by the rule, due at the recipient's morning);
 * the recurring work is BullMQ job schedulers. With two worker processes on one Redis, each
 * delayed reminder job is run by exactly one of them, once, and each scheduled tick runs once.
 */
describe('two worker processes: each reminder job and each tick runs once', () => {
  const workers: RunningEntryPoint[] = [];
  // Declared before the system, so the workers stop before the API and the services do.
  afterAll(() => killProcesses(workers));
  const system = useTestSystem({ worker: false });

  it('runs every promoted delayed reminder job on exactly one worker, and every tick once', async () => {
    const { api, http, sink, services } = system;
    // Due in a month: delayed jobs, waiting in Redis before any worker runs.
    const batch = await makeReminderBatch(api.app, http, api.db, {
      count: REMINDERS,
      recipients: 5,
      due: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    });
    await api.app.get(OutboxRelay).relayPending();
    const queue = remindersQueue(api.app);

    for (let i = 0; i < 2; i++)
      workers.push(
        startWorkerProcess(services, {
          SMTP_URL: sink.url,
          // A tick a second, so a few of them fall in the test.
          ORGANIZATION_PURGE_EVERY_SECONDS: '1',
        }),
      );
    for (const worker of workers)
      await waitFor(() => worker.output().includes('worker started'), 'both workers started', 90_000);

    // Their morning comes for all at once: both workers compete for them.
    await Promise.all((await batchJobs(queue, batch)).map((job) => job!.promote()));
    await waitFor(() => batchSettled(queue, batch), 'every delivery job completed', 90_000);
    expect(await tallyBatch(api.db, sink, batch)).toEqual(exactlyOnce(batch));

    // Each job was started once and finished in that one attempt (no second run absorbed by
    // the idempotency keys; BullMQ counts the successful attempt in attemptsMade) ...
    const jobs = await batchJobs(queue, batch);
    expect(jobs.map((job) => [job!.attemptsStarted, job!.attemptsMade])).toEqual(jobs.map(() => [1, 1]));
    // ... and sent by one worker: each notification's "sent" log line is in exactly one output.
    // (The last lines may still be on their way through the pipes when the jobs complete.)
    const sentBy = () =>
      batch.ids.map(
        (id) => workers.filter((worker) => worker.output().includes(`(notification.${id})`)).length,
      );
    await waitFor(() => sentBy().every((count) => count > 0), 'every send in a worker’s log');
    expect(sentBy()).toEqual(batch.ids.map(() => 1));

    // The scheduler is one per Redis: each tick's slot is logged once, by whichever worker took it.
    const ticks = async () =>
      (
        await api.db.query<{ runs: number; slots: number }>(
          `SELECT count(*)::int AS runs, count(DISTINCT tick_at)::int AS slots FROM schedule_runs WHERE schedule = $1`,
          [organizationPurgeSchedule.name],
        )
      )[0]!;
    const seen = (await ticks()).slots;
    await waitFor(async () => (await ticks()).slots >= seen + 4, 'four more ticks');
    const { runs, slots } = await ticks();
    expect(runs).toBe(slots);
  }, 240_000);
});
