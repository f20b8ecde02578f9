import { OutboxRelay } from '@mentorship/platform';
import { useTestSystem, waitFor } from '@mentorship/testing';
import { killProcesses, type RunningEntryPoint, startWorkerProcess } from './support/entry-points';
import {
  batchSettled,
  exactlyOnce,
  makeReminderBatch,
  remindersQueue,
  tallyBatch,
} from './support/reminder-batch';

const REMINDERS = 80;
/** The sink holds its answers once this many of the batch's emails are in: the batch is under way. */
const PAUSE_AFTER = 12;

/**
 * Two real worker processes deliver a batch of reminders; one is killed (SIGKILL) while it holds
 * emails in the middle of their SMTP conversation. Each reminder still ends up exactly once in
 * the notification table and exactly once at the SMTP sink: the survivor picks up the dead
 * worker's jobs once their locks expire, and the email ledger lets the same attempt finish the
 * sends the dead one never completed.
 */
describe('reminders when a worker process is killed mid-batch', () => {
  const workers: Record<'doomed' | 'survivor', RunningEntryPoint | undefined> = {
    doomed: undefined,
    survivor: undefined,
  };
  let accepted = 0;
  // Declared before the system, so the workers stop before the API and the services do.
  afterAll(() => killProcesses(Object.values(workers)));
  const system = useTestSystem({
    worker: false,
    sink: {
      // Synchronously, on the message that reaches the count: no poll can miss the moment.
      onMessage: () => {
        if (++accepted === PAUSE_AFTER) system.sink.pause();
      },
    },
  });

  const startWorker = (name: string) =>
    startWorkerProcess(system.services, {
      // Each worker greets the sink with its own name, so the sink can tell whose emails it holds.
      SMTP_URL: `${system.sink.url}/?name=${name}`,
      // A dead worker's jobs run elsewhere within about twice this.
      JOB_LOCK_MS: '4000',
    });

  it('delivers every reminder exactly once, in the table and at the SMTP sink, none missing', async () => {
    const { api, http, sink } = system;
    workers.doomed = startWorker('doomed');
    workers.survivor = startWorker('survivor');
    for (const worker of Object.values(workers))
      await waitFor(() => worker!.output().includes('worker started'), 'both workers started', 90_000);

    // Due on a past Monday: their 09:00 has passed, so every delivery job may run at once.
    const batch = await makeReminderBatch(api.app, http, api.db, {
      count: REMINDERS,
      recipients: 8,
      due: new Date('2026-01-05T00:00:00Z'),
    });
    expect(batch.ids).toHaveLength(REMINDERS);
    await api.app.get(OutboxRelay).relayPending();

    // Mid-batch: some emails are in, and the worker to be killed sits inside SMTP conversations.
    await waitFor(() => sink.held('doomed') > 0, 'the doomed worker holding emails in SMTP', 90_000);
    const inHand = sink.held('doomed');
    const before = await tallyBatch(api.db, sink, batch);
    expect(before.emails).toBeGreaterThanOrEqual(PAUSE_AFTER);
    expect(before.emails).toBeLessThan(REMINDERS);

    workers.doomed.child.kill('SIGKILL');
    expect((await workers.doomed.exited).signal).toBe('SIGKILL');
    // The sink saw its connections drop: what it held of the dead worker was never accepted.
    await waitFor(() => sink.held('doomed') === 0, 'the dead worker’s SMTP sessions closing');
    sink.resume();

    const queue = remindersQueue(api.app);
    await waitFor(
      async () => (await tallyBatch(api.db, sink, batch)).deliveredAndSent === REMINDERS,
      'every reminder delivered and its email sent',
      150_000,
    );
    await waitFor(() => batchSettled(queue, batch), 'every delivery job completed', 60_000);

    expect(await tallyBatch(api.db, sink, batch)).toEqual(exactlyOnce(batch));
    // The dead worker's sends were taken over, not skipped: one ledger row per email, each
    // sent, and the ones it held claimed a second time by the same attempt.
    const ledger = await api.db.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM email_deliveries WHERE organization_id = $1`,
      [batch.organizationId],
    );
    expect(ledger).toHaveLength(REMINDERS);
    expect(ledger.every((row) => row.status === 'sent')).toBe(true);
    expect(ledger.filter((row) => row.attempts === 2).length).toBeGreaterThanOrEqual(inHand);
  }, 300_000);
});
