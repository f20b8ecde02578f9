import { randomUUID } from 'node:crypto';
import { Body, Controller, Module, Post } from '@nestjs/common';
import type { InvitationView, OrganizationView } from '@mentorship/contracts';
import { invitationEmailJob } from '@mentorship/organizations';
import { DomainException, JobOutbox, JobQueueService, OrgMember, OutboxRelay } from '@mentorship/platform';
import {
  createTestWorker,
  HttpClient,
  makeOrganization,
  makeUser,
  RedisServer,
  SignedUpUser,
  SmtpSink,
  startRedisServer,
  TestApi,
  useTestApi,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';
import { Queue } from 'bullmq';
import { IsBoolean, IsUUID } from 'class-validator';

const outboxRows = (api: TestApi) =>
  api.db.query<{ job_key: string }>('SELECT job_key FROM job_outbox ORDER BY job_key');

/** A committed write never loses its job, even when Redis is away between the commit and the relay. */
describe('job outbox when Redis goes down', () => {
  let redis: RedisServer;
  beforeAll(async () => (redis = await startRedisServer()));
  const system = useTestSystem({ config: () => ({ redisUrl: redis.url }) });
  // Declared after the system's own afterAll, so it runs after the system has stopped.
  afterAll(() => redis?.close());
  let sink: SmtpSink;
  let api: TestApi;
  let http: HttpClient;
  let admin: SignedUpUser;
  let org: OrganizationView;

  beforeAll(async () => {
    ({ sink, api, http } = system);
    admin = await makeUser(http);
    org = await makeOrganization(http, admin, 'Outage Org');
  });

  it('keeps the job of a write committed while Redis is down, and runs it exactly once when Redis is back', async () => {
    const address = 'outage@example.test';
    await redis.stop();
    const invited = await http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: address, roles: ['mentor'] },
      admin.token,
    );
    // Committed (Postgres is up), not relayed (the nudge found no Redis): the job waits in the outbox.
    expect(invited.status).toBe(201);
    expect(await outboxRows(api)).toEqual([{ job_key: `invitation-email.${org.id}.${invited.body.id}` }]);

    await redis.start();
    // The worker's scheduled relay picks it up once Redis answers again.
    await sink.waitFor((m) => m.to.includes(address), 60_000);
    await waitFor(async () => (await outboxRows(api)).length === 0, 'an empty outbox');
    // More relay passes and a wait: nothing more may arrive.
    await api.app.get(OutboxRelay).relayPending();
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.messages.filter((m) => m.to.includes(address))).toHaveLength(1);
    expect(
      await api.db.query('SELECT status, attempts FROM email_deliveries WHERE recipient = $1', [address]),
    ).toEqual([{ status: 'sent', attempts: 1 }]);
  });
});

class OutboxProbeDto {
  @IsUUID()
  invitationId!: string;
  @IsBoolean()
  fail!: boolean;
}

/** Records a job in the request's transaction, then fails it on demand (so it rolls back). */
@Controller('orgs/:orgId/outbox-probe')
class OutboxProbeController {
  constructor(private readonly outbox: JobOutbox) {}

  @OrgMember()
  @Post()
  async probe(@Body() body: OutboxProbeDto) {
    await this.outbox.enqueue(invitationEmailJob, { invitationId: body.invitationId });
    if (body.fail) throw new DomainException('conflict', 'probe_failed', 'rolling back on purpose');
    return { recorded: true };
  }
}

@Module({ controllers: [OutboxProbeController] })
class OutboxProbeModule {}

/** The relay on its own (no worker consumes here), against the shared Redis under a prefix of its own. */
describe('job outbox relay', () => {
  const t = useTestApi({ extraModules: [OutboxProbeModule] });
  let admin: SignedUpUser;
  let org: OrganizationView;
  let emailQueue: Queue;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Relay Org');
    emailQueue = t.api.app.get(JobQueueService).queue(invitationEmailJob.queue);
  });

  const probe = (invitationId: string, fail: boolean) =>
    t.http.post(`/api/v1/orgs/${org.id}/outbox-probe`, { invitationId, fail }, admin.token);
  const keyOf = (invitationId: string) => `invitation-email.${org.id}.${invitationId}`;

  it('never sends the job of a rolled-back write, and sends a committed one right after the commit', async () => {
    const rolledBack = randomUUID();
    expect((await probe(rolledBack, true)).status).toBe(409);
    await t.api.app.get(OutboxRelay).relayPending();
    expect(await outboxRows(t.api)).toEqual([]);
    expect(await emailQueue.getJob(keyOf(rolledBack))).toBeUndefined();

    // The same request, committed: its job is in BullMQ when the response arrives (the nudge).
    const committed = randomUUID();
    expect((await probe(committed, false)).status).toBe(201);
    expect((await emailQueue.getJob(keyOf(committed)))?.data).toEqual({
      organizationId: org.id,
      invitationId: committed,
    });
    expect(await outboxRows(t.api)).toEqual([]);
  });

  it('enqueues each row once when two relays run at once', async () => {
    // Rows as committed writes leave them when no nudge got through (Redis was down).
    const invitationIds = Array.from({ length: 120 }, () => randomUUID());
    await t.api.db.query(
      `INSERT INTO job_outbox (organization_id, id, job_key, job_name, queue, payload)
       SELECT $1::uuid, gen_random_uuid(), $2 || '.' || $1 || '.' || i, $2, $3,
              jsonb_build_object('organizationId', $1::text, 'invitationId', i)
         FROM unnest($4::uuid[]) AS i`,
      [org.id, invitationEmailJob.name, invitationEmailJob.queue, invitationIds],
    );
    // A second process's relay: its own pool, its own Redis connection.
    const other = await createTestWorker(t.api);
    // Slow Redis down a little so each relay holds its batch while the other takes the next.
    const added: string[] = [];
    const addBulk = Queue.prototype.addBulk;
    const spy = jest.spyOn(Queue.prototype, 'addBulk').mockImplementation(async function (this: Queue, jobs) {
      await new Promise((r) => setTimeout(r, 50));
      added.push(...jobs.map((job) => job.opts!.jobId!));
      return addBulk.call(this, jobs);
    });
    try {
      const [first, second] = await Promise.all([
        t.api.app.get(OutboxRelay).relayPending(10),
        other.get(OutboxRelay).relayPending(10),
      ]);
      const expected = invitationIds.map(keyOf).sort();
      expect(first.length).toBeGreaterThan(0);
      expect(second.length).toBeGreaterThan(0);
      expect(first.filter((key) => second.includes(key))).toEqual([]);
      expect([...first, ...second].sort()).toEqual(expected);
      expect([...added].sort()).toEqual(expected);
      expect(await outboxRows(t.api)).toEqual([]);
      const waiting = await emailQueue.getJobs(['waiting']);
      expect(
        waiting
          .map((job) => job.id)
          .filter((id) => expected.includes(id!))
          .sort(),
      ).toEqual(expected);
    } finally {
      spy.mockRestore();
      await other.close();
    }
  });
});
