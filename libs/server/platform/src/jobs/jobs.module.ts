import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueueService } from './job-queue.service';
import { JobRegistry } from './job-registry';
import { JobWorkerService } from './job-worker.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [JobQueueService, JobRegistry, JobWorkerService],
  exports: [JobQueueService, JobRegistry, JobWorkerService],
})
export class JobsModule {}
