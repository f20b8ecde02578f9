import { Injectable, Module } from '@nestjs/common';
import { invitationEmailJob } from '@mentorship/organizations';
import { HandlesJob, JobHandler, JobRegistryError, JobWorkerService } from '@mentorship/platform';
import { createTestServices, createTestWorker, dropTestServices, TestServices } from '@mentorship/testing';

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
