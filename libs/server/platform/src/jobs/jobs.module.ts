import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { JobDefinition } from './job-definition';
import { JobQueueService } from './job-queue.service';
import { JOB_DEFINITIONS, JobRegistry } from './job-registry';
import { JobWorkerService } from './job-worker.service';

@Global()
@Module({})
export class JobsModule {
  /** `jobs`: every job the bounded contexts declare (the composition root gathers them). */
  static forRoot(jobs: readonly JobDefinition[]): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: JOB_DEFINITIONS, useValue: jobs },
        JobQueueService,
        JobRegistry,
        JobWorkerService,
      ],
      exports: [JobQueueService, JobRegistry, JobWorkerService],
    };
  }
}
