import { Queue } from 'bullmq';
import type { MatchRequestViewDto } from '@mentorship/matching';
import { matchRequestExpiryJob } from '@mentorship/matching';
import { NotificationDeliveryJob } from '@mentorship/notifications';
import { jobKeyOf, TenancyService, type JobRun } from '@mentorship/platform';
import { useTestSystem, waitFor, type SignedUpUser } from '@mentorship/testing';
import { MatchingWorld, requestBody } from './support/matching-world';

const DAY_MS = 86_400_000;

/**
 * Expiry through the outbox as a delayed job, on the real API, worker and Redis. No test waits
 * for days: the job is promoted in BullMQ (what its delay would do) after the clock is moved in
 * Postgres (the request's `expires_at`), and the test polls for its effect.
 */
describe('a match request nobody answers expires after the program’s days', () => {
  const system = useTestSystem();
  let w: MatchingWorld;
  let mentee: SignedUpUser;
  let queue: Queue;

  const send = async (mentor: SignedUpUser) => {
    const sent = await system.http.post<MatchRequestViewDto>(
      `${w.base}/cohorts/${w.cohort.id}/match-requests`,
      requestBody(mentor.id),
      mentee.token,
    );
    if (sent.status !== 201) throw new Error(JSON.stringify(sent.body));
    return sent.body;
  };
  const jobOf = async (requestId: string) => {
    const key = jobKeyOf(matchRequestExpiryJob, { organizationId: w.org.id, requestId });
    let job: Awaited<ReturnType<Queue['getJob']>>;
    await waitFor(async () => Boolean((job = await queue.getJob(key))), 'the relayed expiry job');
    return job!;
  };
  const statusOf = async (id: string) =>
    (
      await system.services.db.query<{ status: string }>(`SELECT status FROM match_requests WHERE id = $1`, [
        id,
      ])
    )[0].status;
  /** The request's notifications: kind, recipient, and whether due before the request expires. */
  const notificationsOf = (requestId: string) =>
    system.services.db.query<{
      kind: string;
      recipient_user_id: string;
      before_expiry: boolean;
      link: string;
    }>(
      `SELECT n.kind, n.recipient_user_id, n.deliver_at < r.expires_at AS before_expiry, n.link
         FROM notifications n JOIN match_requests r ON r.organization_id = n.organization_id AND r.id = n.subject_id
        WHERE n.subject_id = $1 ORDER BY n.created_at`,
      [requestId],
    );
  const runOut = (id: string) =>
    system.services.db.query(
      `UPDATE match_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );

  beforeAll(async () => {
    w = await new MatchingWorld(system.http, system.services.db).create('Expiry Org', {
      requestExpiryDays: 3,
    });
    mentee = await w.person('mentee');
    queue = new Queue(matchRequestExpiryJob.queue, {
      connection: { url: system.services.config.redisUrl },
      prefix: system.services.config.redisPrefix,
    });
  });
  afterAll(() => queue?.close());

  it('is enqueued through the outbox, delayed by the program’s days, and expires the request when it runs', async () => {
    const mentor = await w.person('mentor');
    const request = await send(mentor);
    // The mentor is reminded on a working morning a day before, and before the request expires.
    expect(await notificationsOf(request.id)).toEqual([
      {
        kind: 'match-request.expiring',
        recipient_user_id: mentor.id,
        before_expiry: true,
        link: `/orgs/${w.org.id}/requests/received`,
      },
    ]);
    const job = await jobOf(request.id);
    expect(await job.getState()).toBe('delayed');
    const delay = job.opts.delay ?? 0;
    expect(delay).toBeGreaterThan(3 * DAY_MS - 60_000);
    expect(delay).toBeLessThanOrEqual(3 * DAY_MS);

    await runOut(request.id);
    // Past its time the request reads as expired and cannot be accepted, before the job runs too.
    const early = await system.http.get<MatchRequestViewDto>(
      `${w.base}/match-requests/${request.id}`,
      mentor.token,
    );
    expect(early.body.status).toBe('expired');
    const refused = await system.http.post<{ code: string }>(
      `${w.base}/match-requests/${request.id}/accept`,
      {},
      mentor.token,
    );
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'match_request_not_open',
    });

    const listed = async (status: string) =>
      (
        await system.http.get<{ items: { id: string }[] }>(
          `${w.base}/match-requests/received?status=${status}`,
          mentor.token,
        )
      ).body.items.map((item) => item.id);
    expect(await listed('expired')).toEqual([request.id]);
    expect(await listed('open')).toEqual([]);

    await job.promote();
    await waitFor(async () => (await statusOf(request.id)) === 'expired', 'the request to expire');
    // The mentee hears of it, with the way to the cohort's other mentors.
    expect((await notificationsOf(request.id)).map((n) => [n.kind, n.recipient_user_id, n.link])).toEqual([
      ['match-request.expiring', mentor.id, `/orgs/${w.org.id}/requests/received`],
      ['match-request.expired', mentee.id, `/orgs/${w.org.id}/cohorts/${w.cohort.id}/mentors`],
    ]);
    const audit = await system.services.db.query<{ action: string; actor_user_id: string }>(
      `SELECT action, actor_user_id FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`,
      [request.id],
    );
    expect(audit).toEqual([
      { action: 'match_request.sent', actor_user_id: mentee.id },
      { action: 'match_request.expired', actor_user_id: mentee.id },
    ]);
    // An expired request no longer counts against the mentee's open requests.
    const [open] = await system.services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_requests WHERE mentee_user_id = $1 AND status = 'open'`,
      [mentee.id],
    );
    expect(open.n).toBe(0);
  });

  it('leaves an answered request alone, and a job run before its time changes nothing', async () => {
    const answered = await send(await w.person('mentor'));
    const waiting = await send(await w.person('mentor'));
    await system.http.post(`${w.base}/match-requests/${answered.id}/withdraw`, {}, mentee.token);
    await runOut(answered.id);
    const jobs = [await jobOf(answered.id), await jobOf(waiting.id)];
    for (const job of jobs) await job.promote();
    await waitFor(
      async () =>
        (await Promise.all(jobs.map((job) => job.getState()))).every((state) => state === 'completed'),
      'both expiry jobs to complete',
    );
    expect(await statusOf(answered.id)).toBe('withdrawn');
    expect(await statusOf(waiting.id)).toBe('open');
    // The withdrawn request's reminder to its mentor was taken back before it came; no "expired".
    expect(await notificationsOf(answered.id)).toEqual([]);
    expect((await notificationsOf(waiting.id)).map((n) => n.kind)).toEqual(['match-request.expiring']);
  });

  it('sends nothing of a kind the program turned off: the reminder is settled unseen and unsent', async () => {
    const settings = (disabledNotificationKinds: string[]) =>
      system.http.patch(
        `${w.base}/programs/${w.program.id}`,
        { settings: { disabledNotificationKinds } },
        w.admin.token,
      );
    expect((await settings(['match-request.expiring'])).status).toBe(200);
    try {
      const mentor = await w.person('mentor');
      const request = await send(mentor);
      const [reminder] = await system.services.db.query<{ id: string }>(
        `SELECT id FROM notifications WHERE subject_id = $1 AND kind = 'match-request.expiring'`,
        [request.id],
      );
      const app = system.api.app;
      const run: JobRun = {
        jobId: 'test',
        key: `delivery.${reminder.id}`,
        attemptsMade: 0,
        inTenant: (work) => app.get(TenancyService).runInTenant(w.org.id, work),
      };
      await app
        .get(NotificationDeliveryJob)
        .handle({ organizationId: w.org.id, notificationId: reminder.id }, run);
      const [settled] = await system.services.db.query<{
        delivered: boolean;
        shown_in_app: boolean;
        email_state: string;
      }>(
        `SELECT delivered_at IS NOT NULL AS delivered, shown_in_app, email_state FROM notifications WHERE id = $1`,
        [reminder.id],
      );
      expect(settled).toEqual({ delivered: true, shown_in_app: false, email_state: 'off' });
      const inbox = await system.http.get<{ items: { subjectId: string }[] }>(
        `${w.base}/notifications`,
        mentor.token,
      );
      expect(inbox.body.items.filter((n) => n.subjectId === request.id)).toEqual([]);
      expect(system.sink.messages.filter((m) => m.to.includes(mentor.email))).toEqual([]);
    } finally {
      expect((await settings([])).status).toBe(200);
    }
  });
});
