import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JobDefinition } from './job-definition';
import { JobQueueService } from './job-queue.service';
import { JOB_DEFINITIONS, JobRegistry } from './job-registry';
import { JobWorkerService } from './job-worker.service';
import { JobOutbox } from './outbox/job-outbox';
import { JobOutboxEntity } from './outbox/job-outbox.entity';
import { JobOutboxRepository } from './outbox/job-outbox.repository';
import { OutboxRelay } from './outbox/outbox-relay';

@Global()
@Module({})
export class JobsModule {
  /** `jobs`: every job the bounded contexts declare (the composition root gathers them). */
  static forRoot(jobs: readonly JobDefinition[]): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([JobOutboxEntity])],
      providers: [
        { provide: JOB_DEFINITIONS, useValue: jobs },
        JobQueueService,
        JobRegistry,
        JobWorkerService,
        JobOutboxRepository,
        OutboxRelay,
        JobOutbox,
      ],
      exports: [JobQueueService, JobRegistry, JobWorkerService, JobOutbox, OutboxRelay],
    };
  }
}
