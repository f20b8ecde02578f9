import type { ErrorBody, SessionView, UserView } from '@mentorship/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { passwordResetEmailJob } from '@mentorship/identity';
import { invitationEmailJob } from '@mentorship/organizations';
import { JobQueueService, JobWorkerService, RejectedJobError } from '@mentorship/platform';
import type { Job } from 'bullmq';
import {
  createTestServices,
  dropTestServices,
  HttpClient,
  makeUser,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  TEST_PASSWORD,
  useTestApi,
  useTestSystem,
  waitFor,
  type ReceivedEmail,
  type SmtpSink,
  type TestApi,
  type TestServices,
} from '@mentorship/testing';

const NEW_PASSWORD = 'a brand new passphrase';

/** The reset link in an email as the sink received it (quoted-printable unfolded). */
function resetLinkIn(email: ReceivedEmail): URL {
  const unfolded = email.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return new URL(/http:\/\/admin\.example\.test\/reset-password\?\S+/.exec(unfolded)![0]);
}

describe('forgot password, through the SMTP sink', () => {
  const system = useTestSystem({ config: { publicUrl: 'http://admin.example.test' } });

  const requestReset = (email: string) =>
    system.http.post<ErrorBody>('/api/v1/auth/password-reset', { email });
  const confirm = (token: string, password: string) =>
    system.http.post<ErrorBody>('/api/v1/auth/password-reset/confirm', { token, password });
  const signIn = (email: string, password: string) =>
    system.http.post<SessionView & ErrorBody>('/api/v1/auth/sign-in', { email, password });

  it('emails a single-use link that sets a new password and ends every session', async () => {
    const ada = await makeUser(system.http, { email: 'ada-reset@example.test' });
    const asked = await requestReset('ADA-reset@example.test');
    expect(asked.status).toBe(202);

    const email = await system.sink.waitFor((m) => m.to.includes(ada.email));
    expect(email.raw).toContain('Subject: Reset your Mentorship Map password');
    const token = resetLinkIn(email).searchParams.get('token')!;
    // Only the token's hash is stored.
    const stored = await system.api.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM password_resets WHERE user_id = $1',
      [ada.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);

    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
    expect((await signIn(ada.email, NEW_PASSWORD)).status).toBe(200);
    expect((await signIn(ada.email, TEST_PASSWORD)).body.code).toBe('invalid_credentials');
    // The session from before the reset is over.
    const refreshed = await system.http.post<ErrorBody>('/api/v1/auth/refresh', {
      refreshToken: ada.refreshToken,
    });
    expect(refreshed.status).toBe(401);

    const again = await confirm(token, 'yet another passphrase');
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('invalid_reset_token');
    expect((await signIn(ada.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = await makeUser(system.http, { email: 'known-reset@example.test' });
    const unknown = await requestReset('nobody-here@example.test');
    const forKnown = await requestReset(known.email);
    expect(unknown.status).toBe(202);
    expect(unknown.status).toBe(forKnown.status);
    expect(unknown.body).toEqual(forKnown.body);
    await system.sink.waitFor((m) => m.to.includes(known.email));
    expect(system.sink.messages.filter((m) => m.to.includes('nobody-here@example.test'))).toEqual([]);
  });

  it('refuses an expired link and a forged one', async () => {
    const grace = await makeUser(system.http, { email: 'grace-reset@example.test' });
    await requestReset(grace.email);
    const token = resetLinkIn(await system.sink.waitFor((m) => m.to.includes(grace.email))).searchParams.get(
      'token',
    )!;
    await system.api.db.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [grace.id],
    );
    expect((await confirm(token, NEW_PASSWORD)).body.code).toBe('invalid_reset_token');
    expect((await confirm('x'.repeat(43), NEW_PASSWORD)).body.code).toBe('invalid_reset_token');
    expect((await signIn(grace.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('sends at most three links an hour to one address, and still answers the same', async () => {
    const linus = await makeUser(system.http, { email: 'linus-reset@example.test' });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await requestReset(linus.email)).status);
    expect(answers).toEqual([202, 202, 202, 202]);
    const [row] = await system.api.db.query<{ links: string }>(
      'SELECT count(*)::text AS links FROM password_resets WHERE user_id = $1',
      [linus.id],
    );
    expect(row?.links).toBe('3');
  });
});

/**
 * The reset email takes the invitations' path: outbox row in the reset's transaction, relay to
 * BullMQ, the worker's handler, SMTP. Here the API runs first without a worker, so what the API
 * alone does is visible: it stores the link and a job, and sends nothing.
 */
describe('forgot password, through the account outbox', () => {
  let sink: SmtpSink;
  let services: TestServices;
  let api: TestApi;
  let http: HttpClient;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink();
    services = await createTestServices({ smtpUrl: sink.url, publicUrl: 'http://admin.example.test' });
    api = await startTestApi({ services });
    http = new HttpClient(api.baseUrl);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    if (services) await dropTestServices(services);
  });

  it('queues the email as an account job the API never sends itself; the worker sends it once', async () => {
    const ada = await makeUser(http, { email: 'ada-outbox@example.test' });
    expect((await http.post('/api/v1/auth/password-reset', { email: ada.email })).status).toBe(202);
    const [reset] = await api.db.query<{ id: string }>('SELECT id FROM password_resets WHERE user_id = $1', [
      ada.id,
    ]);
    const jobId = `password-reset-email.user-${ada.id}.${reset!.id}`;
    // Relayed by the commit's nudge: gone from the outbox, waiting in BullMQ's email queue.
    const queue = api.app.get(JobQueueService).queue('email');
    await waitFor(async () => (await queue.getJob(jobId))?.data?.userId === ada.id, 'the relayed job');
    expect((await queue.getJob(jobId))!.data).toEqual({ userId: ada.id, resetId: reset!.id });
    expect(await api.db.query('SELECT 1 FROM account_job_outbox')).toEqual([]);
    expect(sink.messages).toEqual([]);

    worker = await startTestWorker(services);
    const email = await sink.waitFor((m) => m.to.includes(ada.email));
    expect(email.raw).toContain('Subject: Reset your Mentorship Map password');
    const token = resetLinkIn(email).searchParams.get('token')!;
    await waitFor(
      async () =>
        (
          await api.db.query<{ status: string }>(
            'SELECT status FROM account_email_deliveries WHERE idempotency_key = $1',
            [jobId],
          )
        )[0]?.status === 'sent',
      'the delivery marked sent',
    );
    const deliveries = await api.db.query('SELECT user_id, recipient FROM account_email_deliveries');
    expect(deliveries).toEqual([{ user_id: ada.id, recipient: ada.email }]);
    // The link in the email is the stored one.
    const confirmed = await http.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(confirmed.status).toBe(204);
  });

  it('keeps no link when the job cannot be recorded, and answers as for anyone', async () => {
    const grace = await makeUser(http, { email: 'grace-outbox@example.test' });
    // The outbox refuses rows (as a full disk or a lost connection would make the insert fail).
    await api.db.query(`CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
    await api.db.query(
      `CREATE TRIGGER refuse_account_jobs BEFORE INSERT ON account_job_outbox FOR EACH ROW EXECUTE FUNCTION refuse_row()`,
    );
    try {
      const unknown = await http.post('/api/v1/auth/password-reset', { email: 'nobody-outbox@example.test' });
      const asked = await http.post('/api/v1/auth/password-reset', { email: grace.email });
      expect(asked.status).toBe(202);
      expect(asked.body).toEqual(unknown.body);
      expect(await api.db.query('SELECT 1 FROM password_resets WHERE user_id = $1', [grace.id])).toEqual([]);
      expect(await api.db.query('SELECT 1 FROM account_job_outbox')).toEqual([]);
    } finally {
      await api.db.query('DROP TRIGGER refuse_account_jobs ON account_job_outbox');
    }
    // Once the outbox takes rows again, the same request stores a link and emails it.
    expect((await http.post('/api/v1/auth/password-reset', { email: grace.email })).status).toBe(202);
    await sink.waitFor((m) => m.to.includes(grace.email));
    expect(await api.db.query('SELECT 1 FROM password_resets WHERE user_id = $1', [grace.id])).toHaveLength(
      1,
    );
  });
});

describe('the two lanes of jobs, as the worker checks them', () => {
  const system = useTestSystem();

  it('runs an account job only with a user and never with an organization; a tenant job still needs its organization', async () => {
    const ada = await makeUser(system.http, { email: 'ada-lanes@example.test' });
    const processor = system.worker.get(JobWorkerService);
    const run = (name: string, data: unknown) =>
      processor.process({ name, id: 'lanes', data, attemptsMade: 0 } as unknown as Job);
    const resetId = '0b8f8f3c-2d1e-4a5b-8c7d-6e5f4a3b2c1d';
    await expect(run(passwordResetEmailJob.name, { resetId })).rejects.toThrow(/names no user/);
    // An organization is not something an account job may carry.
    await expect(
      run(passwordResetEmailJob.name, { userId: ada.id, resetId, organizationId: resetId }),
    ).rejects.toThrow(/property organizationId should not exist/);
    await expect(run(passwordResetEmailJob.name, { userId: 'someone', resetId })).rejects.toThrow(
      RejectedJobError,
    );
    // Tenancy is as it was: a tenant job that names a user instead of its organization is refused.
    await expect(run(invitationEmailJob.name, { userId: ada.id, invitationId: resetId })).rejects.toThrow(
      /names no organization/,
    );
    // A valid account job for a reset that does not exist sends nothing and records nothing.
    await run(passwordResetEmailJob.name, { userId: ada.id, resetId });
    expect(await system.api.db.query('SELECT 1 FROM account_email_deliveries')).toEqual([]);
  });
});

describe('forgot password, from one network address', () => {
  const t = useTestApi();

  it('is refused with 429 after ten requests an hour', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 10; i++)
      answers.push(
        (await t.http.post('/api/v1/auth/password-reset', { email: `probe-${i}@example.test` })).status,
      );
    expect(answers).toEqual(Array(10).fill(202));
    const refused = await t.http.post<ErrorBody>('/api/v1/auth/password-reset', {
      email: 'probe@example.test',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_attempts');
  });
});

describe('my account', () => {
  const t = useTestApi();

  it('changes the password with the current one, ending the other sessions only', async () => {
    const ada = await makeUser(t.http);
    const otherDevice = await t.http.post<SessionView>('/api/v1/auth/sign-in', {
      email: ada.email,
      password: TEST_PASSWORD,
    });
    const wrong = await t.http.post<ErrorBody>(
      '/api/v1/me/password',
      { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
      ada.token,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('wrong_password');

    const changed = await t.http.post<SessionView>(
      '/api/v1/me/password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      ada.token,
    );
    expect(changed.status).toBe(200);
    for (const refreshToken of [ada.refreshToken, otherDevice.body.refreshToken])
      expect((await t.http.post('/api/v1/auth/refresh', { refreshToken })).status).toBe(401);
    // This device goes on with the session it was given.
    expect(
      (await t.http.post('/api/v1/auth/refresh', { refreshToken: changed.body.refreshToken })).status,
    ).toBe(200);
    expect(
      (await t.http.post('/api/v1/auth/sign-in', { email: ada.email, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });

  it('edits my name, refusing null, blank and unknown fields', async () => {
    const ada = await makeUser(t.http, { displayName: 'Ada' });
    const renamed = await t.http.patch<UserView>('/api/v1/me', { displayName: '  Ada Lovelace ' }, ada.token);
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('Ada Lovelace');
    expect((await t.http.get<UserView>('/api/v1/me', ada.token)).body.displayName).toBe('Ada Lovelace');
    for (const body of [
      { displayName: null },
      { displayName: '   ' },
      { displayName: 'x'.repeat(101) },
      { email: 'x@y.z' },
    ]) {
      const refused = await t.http.patch<ErrorBody>('/api/v1/me', body, ada.token);
      expect(refused.status).toBe(400);
    }
    const [row] = await t.api.db.query<{ display_name: string }>(
      'SELECT display_name FROM users WHERE id = $1',
      [ada.id],
    );
    expect(row?.display_name).toBe('Ada Lovelace');
    expect((await t.http.patch('/api/v1/me', { displayName: 'Nobody' })).status).toBe(401);
  });
});
