import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig, OutboxRelay } from '@mentorship/platform';
import { startTcpProxy, startTestWorker, type TcpProxy, useTestSystem, waitFor } from '@mentorship/testing';
import {
  batchJobs,
  batchSettled,
  makeReminderBatch,
  remindersQueue,
  tallyBatch,
} from './support/reminder-batch';

const REMINDERS = 60;
const PAUSE_AFTER = 10;

/**
 * The worker loses Postgres in the middle of a batch (a TCP proxy between it and the shared
 * Postgres is cut, then restored; the shared server itself is never touched). The worst moment
 * is chosen on purpose: emails the SMTP server is about to accept, whose "sent" can then no
 * longer be recorded. The batch's jobs fail, are retried once Postgres is back, and no email
 * goes out twice; every reminder ends up in the centre.
 */
describe('reminders when Postgres goes away during a batch', () => {
  let proxy: TcpProxy;
  let worker: INestApplicationContext | undefined;
  let accepted = 0;

  // Declared before the system, so the worker and the proxy stop before the API and the services.
  afterAll(async () => {
    proxy?.restore();
    await worker?.close();
    await proxy?.close();
  });
  const system = useTestSystem({
    worker: false,
    sink: {
      onMessage: () => {
        if (++accepted === PAUSE_AFTER) system.sink.pause();
      },
    },
  });
  beforeAll(async () => {
    const { services } = system;
    const postgres = new URL(services.db.appUrl);
    proxy = await startTcpProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
    // The worker alone reaches Postgres through the proxy; the API and the test go direct.
    const config = Object.assign(Object.create(AppConfig.prototype) as AppConfig, services.config, {
      databaseUrl: proxy.through(services.db.appUrl),
    });
    worker = await startTestWorker({ config, contexts: services.contexts });
  });

  it('retries the batch once Postgres is back and sends nothing twice', async () => {
    const { api, http, sink } = system;
    const batch = await makeReminderBatch(api.app, http, api.db, {
      count: REMINDERS,
      recipients: 6,
      due: new Date('2026-01-05T00:00:00Z'),
    });
    await api.app.get(OutboxRelay).relayPending();
    const queue = remindersQueue(api.app);

    // Mid-batch: emails are in, and the worker waits for the SMTP server's answer to others.
    await waitFor(() => sink.held() > 0, 'the worker holding emails in SMTP');
    const connectionsBefore = proxy.connections();
    proxy.cut();
    // The held emails are accepted now, while their worker cannot record them as sent.
    sink.resume();
    // The failure is seen: delivery jobs wait to be retried.
    await waitFor(async () => (await queue.getJobCounts('delayed')).delayed > 0, 'a delivery job retrying');
    proxy.restore();

    await waitFor(() => batchSettled(queue, batch), 'every delivery job completed', 120_000);
    const tally = await tallyBatch(api.db, sink, batch);
    expect([tally.rows, tally.emails]).toEqual([REMINDERS, REMINDERS]);
    expect(tally.emailsPerReminder).toEqual(batch.ids.map(() => 1));
    // Every reminder is in its recipient's centre. An email sent just as Postgres went away
    // keeps the state 'sending' (its run could not record it, and the retry does not resend).
    const states = await api.db.query<{ delivered: boolean; shown: boolean; email_state: string }>(
      `SELECT delivered_at IS NOT NULL AS delivered, shown_in_app AS shown, email_state
         FROM notifications WHERE organization_id = $1`,
      [batch.organizationId],
    );
    expect(states.every((row) => row.delivered && row.shown)).toBe(true);
    expect(states.every((row) => ['sent', 'sending'].includes(row.email_state))).toBe(true);
    const ledger = await api.db.query<{ status: string }>(
      `SELECT status FROM email_deliveries WHERE organization_id = $1`,
      [batch.organizationId],
    );
    expect(ledger).toHaveLength(REMINDERS);
    expect(ledger.some((row) => row.status === 'failed')).toBe(false);
    // It was a real outage and a real retry: the worker reconnected, and jobs ran again.
    expect(proxy.connections()).toBeGreaterThan(connectionsBefore);
    const jobs = await batchJobs(queue, batch);
    expect(jobs.some((job) => (job?.attemptsMade ?? 0) > 0)).toBe(true);
  }, 240_000);
});
