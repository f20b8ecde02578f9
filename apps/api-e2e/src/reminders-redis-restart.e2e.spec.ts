import { OutboxRelay } from '@mentorship/platform';
import { type RedisServer, startRedisServer, useTestSystem, waitFor } from '@mentorship/testing';
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
 * Reminders wait in Redis as delayed jobs until their morning. A Redis with append-only
 * persistence (started by the test on its own port; the shared one is never touched) is
 * restarted while they wait: none is lost, and each is delivered once when it comes due.
 */
describe('waiting reminders across a Redis restart', () => {
  let redis: RedisServer;
  beforeAll(async () => (redis = await startRedisServer()));
  const system = useTestSystem({ config: () => ({ redisUrl: redis.url }) });
  // Declared after the system's own afterAll, so it runs after the system has stopped.
  afterAll(() => redis?.close());

  it('keeps every delayed reminder job through the restart and delivers each exactly once', async () => {
    const { api, http, sink } = system;
    // Due in a month: each waits for its 09:00 as a delayed job.
    const batch = await makeReminderBatch(api.app, http, api.db, {
      count: REMINDERS,
      recipients: 5,
      due: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    });
    await api.app.get(OutboxRelay).relayPending();
    const queue = remindersQueue(api.app);
    const states = async () => Promise.all((await batchJobs(queue, batch)).map((job) => job?.getState()));
    expect(await states()).toEqual(batch.ids.map(() => 'delayed'));

    await redis.stop();
    await redis.start();

    // Back with its data: the same jobs, still waiting for their time (the producer reconnects).
    await waitFor(
      async () => (await states()).every((state) => state === 'delayed'),
      'the delayed jobs after the restart',
    );
    expect((await tallyBatch(api.db, sink, batch)).emails).toBe(0);

    // Their morning comes: the worker, reconnected by itself, delivers them.
    for (const job of await batchJobs(queue, batch)) await job!.promote();
    await waitFor(() => batchSettled(queue, batch), 'every delivery job completed', 90_000);
    expect(await tallyBatch(api.db, sink, batch)).toEqual(exactlyOnce(batch));
  }, 180_000);
});
