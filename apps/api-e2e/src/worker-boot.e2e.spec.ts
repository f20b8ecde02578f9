import { Injectable, Module } from '@nestjs/common';
import { invitationEmailJob } from '@mentorship/organizations';
import {
  HandlesJob,
  JobHandler,
  JobRegistryError,
  JobWorkerService,
  RedisEvictionPolicyError,
} from '@mentorship/platform';
import {
  createTestServices,
  createTestWorker,
  dropTestServices,
  RedisServer,
  startRedisServer,
  TestServices,
} from '@mentorship/testing';
import { startEntryPoint } from './support/entry-points';

@Injectable()
@HandlesJob(invitationEmailJob)
class SecondInvitationEmailHandler implements JobHandler {
  async handle(): Promise<void> {
    // never runs: the worker must refuse to start
  }
}

@Module({ providers: [SecondInvitationEmailHandler] })
class DuplicateHandlerModule {}

/** The real worker composition refuses to start when a job has two handlers. */
describe('worker boot check', () => {
  let services: TestServices;
  beforeAll(async () => (services = await createTestServices()));
  afterAll(() => dropTestServices(services));

  it('starts with exactly one handler per job', async () => {
    const worker = await createTestWorker(services);
    try {
      await expect(worker.get(JobWorkerService).start()).resolves.toBeUndefined();
    } finally {
      await worker.close();
    }
  });

  it('refuses to start when a job name has two handlers', async () => {
    const worker = await createTestWorker(services, [DuplicateHandlerModule]);
    try {
      await expect(worker.get(JobWorkerService).start()).rejects.toThrow(JobRegistryError);
      await expect(worker.get(JobWorkerService).start()).rejects.toThrow(/invitation-email" has 2 handlers/);
    } finally {
      await worker.close();
    }
  });
});

/** A Redis that may evict keys would drop queued jobs silently: the worker does not start on one. */
describe('worker boot check of the Redis eviction policy', () => {
  let services: TestServices;
  let evicting: RedisServer;
  beforeAll(async () => {
    // Its own Redis on its own port, configured as a cache would be (never the shared one).
    evicting = await startRedisServer(['--maxmemory-policy', 'allkeys-lru']);
    services = await createTestServices({ redisUrl: evicting.url });
  });
  afterAll(async () => {
    if (services) await services.db.drop();
    await evicting?.close();
  });

  it('refuses to start on a Redis with maxmemory-policy allkeys-lru, naming the setting', async () => {
    const worker = await createTestWorker(services);
    try {
      const started = worker.get(JobWorkerService).start();
      await expect(started).rejects.toThrow(RedisEvictionPolicyError);
      await expect(worker.get(JobWorkerService).start()).rejects.toThrow(
        /maxmemory-policy is allkeys-lru; the worker needs maxmemory-policy noeviction/,
      );
    } finally {
      await worker.close();
    }
  });

  it('the worker process exits with the reason instead of consuming', async () => {
    const worker = startEntryPoint('apps/worker/src/main.ts', {
      DATABASE_URL: services.db.appUrl,
      REDIS_URL: evicting.url,
      REDIS_PREFIX: services.config.redisPrefix,
      LOG_LEVEL: 'info',
    });
    try {
      const { code } = await worker.exited;
      expect(code).toBe(1);
      expect(worker.output()).toContain('maxmemory-policy noeviction');
      expect(worker.output()).not.toContain('worker started');
    } finally {
      worker.child.kill('SIGKILL');
    }
  });
});
