import {
  freePort,
  waitFor,
  createTestDatabase,
  HttpClient,
  makeOrganization,
  makeUser,
  serviceUrls,
  TestDatabase,
} from '@mentorship/testing';
import {
  BOOT_WAIT_MS,
  expectGracefulStop,
  PROCESS_TEST_TIMEOUT_MS,
  startEntryPoint,
} from './support/entry-points';

const start = (entry: string, env: Record<string, string>) =>
  startEntryPoint(entry, { LOG_LEVEL: 'info', ...env });

/** The real entry points as separate processes: boot, JSON logs, graceful SIGTERM. */
describe('API and worker processes', () => {
  jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  const env = () => ({
    DATABASE_URL: db.appUrl,
    REDIS_URL: serviceUrls.redis,
    REDIS_PREFIX: `mmproc-${process.pid}`,
  });

  it('the API serves, logs JSON with request ids, and shuts down gracefully on SIGTERM', async () => {
    const port = await freePort();
    const api = start('apps/api/src/main.ts', { ...env(), PORT: String(port) });
    await expectGracefulStop(api, async () => {
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok,
        'API readiness',
        BOOT_WAIT_MS,
      );
      await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { 'x-request-id': 'proc-test-1' } });
      await waitFor(() => api.output().includes('proc-test-1'), 'request log line');
      const line = api
        .output()
        .split('\n')
        .find((l) => l.includes('proc-test-1'))!;
      expect(JSON.parse(line)).toMatchObject({ req: expect.objectContaining({ id: 'proc-test-1' }) });

      // Tenant requests carry their organization in the log line.
      const http = new HttpClient(`http://127.0.0.1:${port}`);
      const admin = await makeUser(http);
      const org = await makeOrganization(http, admin);
      await http.request('GET', `/api/v1/orgs/${org.id}/members`, {
        token: admin.token,
        headers: { 'x-request-id': 'proc-test-2' },
      });
      await waitFor(() => api.output().includes('proc-test-2'), 'tenant request log line');
      const tenantLine = api
        .output()
        .split('\n')
        .find((l) => l.includes('proc-test-2'))!;
      expect(JSON.parse(tenantLine)).toMatchObject({
        organizationId: org.id,
        res: expect.objectContaining({ statusCode: 200 }),
      });
    });
  });

  it('the worker starts its queues and shuts down gracefully on SIGTERM', async () => {
    const worker = start('apps/worker/src/main.ts', env());
    await expectGracefulStop(worker, async () => {
      await waitFor(() => worker.output().includes('worker started'), 'worker start', BOOT_WAIT_MS);
    });
  });

  it('refuses to boot with an invalid configuration, naming the variable', async () => {
    const api = start('apps/api/src/main.ts', { ...env(), PORT: 'not-a-port' });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toMatch(/PORT: .*integer/);
  });
});
