import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  createTestDatabase,
  freePort,
  HttpClient,
  makeOrganization,
  makeUser,
  serviceUrls,
  TestDatabase,
  waitFor,
} from '@mentorship/testing';
import { BOOT_WAIT_MS, expectGracefulStop, PROCESS_TEST_TIMEOUT_MS, startNode } from './support/entry-points';

const ROOT = join(__dirname, '../../..');

/** Runs a built bundle with plain `node`, as the image does: no TypeScript compiler on the way. */
function startBuilt(bundle: string, env: Record<string, string>) {
  return startNode([bundle], { LOG_LEVEL: 'info', ...env });
}

/** The production build (`npx nx build api worker`) boots against the real services. */
describe('built API and worker', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', 'api', 'worker'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`build failed: ${built.stdout}${built.stderr}`);
    db = await createTestDatabase();
  }, PROCESS_TEST_TIMEOUT_MS);
  afterAll(() => db?.drop());

  const env = () => ({
    DATABASE_URL: db.appUrl,
    REDIS_URL: serviceUrls.redis,
    REDIS_PREFIX: `mmbuilt-${process.pid}`,
  });

  it(
    'the API bundle answers /ready and serves a signed-in tenant request',
    async () => {
      const port = await freePort();
      const api = startBuilt('dist/apps/api/main.js', { ...env(), PORT: String(port) });
      await expectGracefulStop(api, async () => {
        await waitFor(
          async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok,
          'built API readiness',
          BOOT_WAIT_MS,
        );
        const ready = await fetch(`http://127.0.0.1:${port}/ready`);
        expect(ready.status).toBe(200);
        // Dependency injection works in the bundle (decorator metadata survived the build).
        const http = new HttpClient(`http://127.0.0.1:${port}`);
        const admin = await makeUser(http);
        const org = await makeOrganization(http, admin);
        const members = await http.get<{ total: number }>(`/api/v1/orgs/${org.id}/members`, admin.token);
        expect(members.status).toBe(200);
        expect(members.body.total).toBe(1);
      });
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'the worker bundle starts its queues',
    async () => {
      const worker = startBuilt('dist/apps/worker/main.js', env());
      await expectGracefulStop(worker, async () => {
        await waitFor(() => worker.output().includes('worker started'), 'built worker start', BOOT_WAIT_MS);
      });
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
