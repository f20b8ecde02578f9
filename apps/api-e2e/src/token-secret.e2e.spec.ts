import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { InvitationView } from '@mentorship/contracts';
import { signingKey } from '@mentorship/platform';
import {
  createTestDatabase,
  freePort,
  HttpClient,
  makeOrganization,
  makeUser,
  serviceUrls,
  SmtpSink,
  startSmtpSink,
  TestDatabase,
  useTestApi,
  waitFor,
} from '@mentorship/testing';
import {
  BOOT_WAIT_MS,
  PROCESS_TEST_TIMEOUT_MS,
  RunningEntryPoint,
  startEntryPoint,
} from './support/entry-points';

/**
 * A start without TOKEN_SECRET outside production, as `npm run demo` or a developer's
 * `node apps/api/src/main.ts` makes it: the real API and worker processes, started at once.
 */
describe('the token secret of a start without TOKEN_SECRET', () => {
  jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);
  const secretsFile = join(mkdtempSync(join(tmpdir(), 'mm-secrets-')), 'local', 'secrets.json');
  let db: TestDatabase;
  let sink: SmtpSink;
  const running: RunningEntryPoint[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    for (const process of running) process.child.kill('SIGKILL');
    await sink?.close();
    await db?.drop();
  });

  const env = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'development',
    TOKEN_SECRET: '',
    SECRETS_FILE: secretsFile,
    DATABASE_URL: db.appUrl,
    REDIS_URL: serviceUrls.redis,
    REDIS_PREFIX: `mmsecret-${process.pid}`,
    SMTP_URL: sink.url,
    PUBLIC_URL: 'http://admin.example.test',
    LOG_LEVEL: 'warn',
    ...extra,
  });

  async function startApi(): Promise<HttpClient> {
    const port = await freePort();
    const api = startEntryPoint('apps/api/src/main.ts', env({ PORT: String(port) }));
    running.push(api);
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok,
      `API readiness\n${api.output()}`,
      BOOT_WAIT_MS,
    );
    return new HttpClient(`http://127.0.0.1:${port}`);
  }

  it('is made once, kept private, and shared by the API, the worker and the next start', async () => {
    // Started together, as the demo does: both race to create the file and must agree.
    const worker = startEntryPoint('apps/worker/src/main.ts', env({ LOG_LEVEL: 'info' }));
    running.push(worker);
    const http = await startApi();
    await waitFor(() => worker.output().includes('worker started'), 'worker start', BOOT_WAIT_MS);

    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const { tokenSecret } = JSON.parse(readFileSync(secretsFile, 'utf8'));
    expect(tokenSecret).toMatch(/^[\w-]{64}$/);

    // The worker signs the emailed invitation link; the API accepts it: one secret.
    const admin = await makeUser(http);
    const org = await makeOrganization(http, admin, 'Secret Org');
    const invitee = await makeUser(http, { email: 'invitee@secret.example.test' });
    const invited = await http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: invitee.email, roles: ['mentee'] },
      admin.token,
    );
    expect(invited.status).toBe(201);
    const email = await sink.waitFor((m) => m.to.includes(invitee.email), 30_000);
    const unfolded = email.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = new URL(/http:\/\/admin\.example\.test\/invitations\/accept\?\S+/.exec(unfolded)![0]);
    const accepted = await http.post(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token: link.searchParams.get('token') },
      invitee.token,
    );
    expect(accepted.status).toBe(200);

    // Another start (a restart, a second replica) signs with the same secret.
    const again = await startApi();
    expect((await again.get('/api/v1/me', admin.token)).status).toBe(200);
    expect(JSON.parse(readFileSync(secretsFile, 'utf8')).tokenSecret).toBe(tokenSecret);
  });

  it('is refused in production: TOKEN_SECRET must be set there', async () => {
    const api = startEntryPoint('apps/api/src/main.ts', env({ NODE_ENV: 'production', PORT: '0' }));
    running.push(api);
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toContain('TOKEN_SECRET: must be set in production');
  });
});

describe('signing keys', () => {
  const t = useTestApi();

  it('access tokens and invitation tokens each have a key of their own, neither TOKEN_SECRET itself', async () => {
    const admin = await makeUser(t.http);
    const org = await makeOrganization(t.http, admin);
    const invitee = await makeUser(t.http);
    const claims = { sub: admin.id, email: admin.email };
    const accessToken = (secret: string | Buffer) =>
      new JwtService({ secret }).sign(claims, { expiresIn: 300 });
    const accessKey = signingKey(t.api.config, 'access-token');
    const invitationKey = signingKey(t.api.config, 'invitation-token');

    // Signed with the access-token key the forgery works, which shows the other two fail for the key alone.
    expect((await t.http.get('/api/v1/me', accessToken(accessKey))).status).toBe(200);
    expect((await t.http.get('/api/v1/me', accessToken(invitationKey))).status).toBe(401);
    expect((await t.http.get('/api/v1/me', accessToken(t.api.config.tokenSecret))).status).toBe(401);

    const invitation = await t.http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: invitee.email, roles: ['mentee'] },
      admin.token,
    );
    const invitationToken = (key: string | Buffer) =>
      `${invitation.body.id}.${createHmac('sha256', key).update(`invitation:${org.id}:${invitation.body.id}`).digest('base64url')}`;
    const accept = (key: string | Buffer) =>
      t.http.post(
        `/api/v1/orgs/${org.id}/invitations/accept`,
        { token: invitationToken(key) },
        invitee.token,
      );
    expect((await accept(accessKey)).status).toBe(404);
    expect((await accept(t.api.config.tokenSecret)).status).toBe(404);
    expect((await accept(invitationKey)).status).toBe(200);
  });
});
