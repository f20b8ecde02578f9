import type { INestApplicationContext } from '@nestjs/common';
import type { InvitationView, OrganizationView } from '@mentorship/contracts';
import { invitationEmailJob } from '@mentorship/organizations';
import { JOB_OPTIONS, JobQueueService, JobWorkerService, RejectedJobError } from '@mentorship/platform';
import {
  HttpClient,
  makeOrganization,
  makeUser,
  SignedUpUser,
  SmtpSink,
  TestApi,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';
import type { Job } from 'bullmq';

/** API -> BullMQ -> worker -> SMTP, all real, with a local SMTP sink at the end. */
describe('invitation email', () => {
  const system = useTestSystem({ config: { publicUrl: 'http://admin.example.test' } });
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let http: HttpClient;
  let admin: SignedUpUser;
  let org: OrganizationView;

  beforeAll(async () => {
    ({ sink, api, worker, http } = system);
    admin = await makeUser(http);
    org = await makeOrganization(http, admin, 'Mail Org');
  });

  const emailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));

  it('is sent by the worker with a working accept link', async () => {
    const invitee = await makeUser(http, { email: 'linus@example.test' });
    const invited = await http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: invitee.email, roles: ['mentor'] },
      admin.token,
    );
    expect(invited.status).toBe(201);

    const email = await sink.waitFor((m) => m.to.includes(invitee.email));
    expect(email.raw).toContain('Subject: You are invited to Mail Org on Mentorship Map');
    const unfolded = email.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = new URL(/http:\/\/admin\.example\.test\/invitations\/accept\?\S+/.exec(unfolded)![0]);
    expect(link.searchParams.get('org')).toBe(org.id);

    const accepted = await http.post(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token: link.searchParams.get('token') },
      invitee.token,
    );
    expect(accepted.status).toBe(200);

    const deliveries = await api.db.query<{ organization_id: string; status: string }>(
      'SELECT organization_id, status FROM email_deliveries WHERE recipient = $1',
      [invitee.email],
    );
    expect(deliveries).toEqual([{ organization_id: org.id, status: 'sent' }]);
  });

  it('is sent at most once when its job runs again (redelivery, concurrent duplicates)', async () => {
    const address = 'once@example.test';
    const invited = await http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: address, roles: ['mentee'] },
      admin.token,
    );
    await sink.waitFor((m) => m.to.includes(address));

    const payload = { organizationId: org.id, invitationId: invited.body.id };
    const job = {
      name: invitationEmailJob.name,
      id: 'replayed',
      data: payload,
      attemptsMade: 1,
    } as unknown as Job;
    const processor = worker.get(JobWorkerService);
    await processor.process(job);
    await Promise.all([processor.process(job), processor.process(job)]);
    // Give a wrongly sent duplicate time to arrive before counting.
    await new Promise((r) => setTimeout(r, 500));
    expect(emailsTo(address)).toHaveLength(1);
    const rows = await api.db.query('SELECT status, attempts FROM email_deliveries WHERE recipient = $1', [
      address,
    ]);
    expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
  });

  it('refuses a job that names no organization', async () => {
    const job = {
      name: invitationEmailJob.name,
      id: 'x',
      data: { invitationId: 'x' },
      attemptsMade: 0,
    } as unknown as Job;
    await expect(worker.get(JobWorkerService).process(job)).rejects.toThrow(/names no organization/);
  });

  it('refuses an invalid payload, writing nothing', async () => {
    const invited = await http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: 'invalid-payload@example.test', roles: ['mentee'] },
      admin.token,
    );
    await sink.waitFor((m) => m.to.includes('invalid-payload@example.test'));
    const writes = () =>
      api.db.query<{ deliveries: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM email_deliveries) AS deliveries,
                (SELECT count(*)::int FROM audit_events) AS audit`,
      );
    const before = await writes();
    const received = sink.messages.length;
    const processor = worker.get(JobWorkerService);
    const run = (data: unknown) =>
      processor.process({
        name: invitationEmailJob.name,
        id: 'bad',
        data,
        attemptsMade: 0,
      } as unknown as Job);

    // A real invitation, but the id is not a UUID any more, and a field nobody declared.
    const wrongId = run({ organizationId: org.id, invitationId: `${invited.body.id}-x` });
    await expect(wrongId).rejects.toThrow(RejectedJobError);
    await expect(run({ organizationId: org.id, invitationId: `${invited.body.id}-x` })).rejects.toThrow(
      /job invitation-email bad has an invalid payload: invitationId must be a UUID/,
    );
    await expect(
      run({ organizationId: org.id, invitationId: invited.body.id, resend: true }),
    ).rejects.toThrow(/property resend should not exist/);
    await expect(
      run({ organizationId: 'not-an-organization', invitationId: invited.body.id }),
    ).rejects.toThrow(/organizationId must be a UUID/);
    await expect(run({ organizationId: org.id, invitationId: invited.body.id, extra: 1 })).rejects.toThrow(
      RejectedJobError,
    );

    await new Promise((r) => setTimeout(r, 300));
    expect(await writes()).toEqual(before);
    expect(sink.messages.length).toBe(received);
  });

  it('moves an invalid job to failed on its first attempt, with the reason', async () => {
    const queue = api.app.get(JobQueueService).queue(invitationEmailJob.queue);
    const job = await queue.add(
      invitationEmailJob.name,
      { organizationId: org.id, invitationId: 'nope' },
      { ...JOB_OPTIONS, jobId: 'invalid-on-the-queue' },
    );
    await waitFor(async () => (await queue.getJobState(job.id!)) === 'failed', 'the job to fail');
    const failed = (await queue.getJob(job.id!))!;
    expect({ attemptsMade: failed.attemptsMade, reason: failed.failedReason }).toEqual({
      attemptsMade: 1,
      reason: `job invitation-email invalid-on-the-queue has an invalid payload: invitationId must be a UUID`,
    });
  });
});
