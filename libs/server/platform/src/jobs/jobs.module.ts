import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DeclaredJob } from './job-definition';
import { JobQueueService } from './job-queue.service';
import { JOB_DEFINITIONS, JobRegistry, SCHEDULE_DEFINITIONS } from './job-registry';
import { JobWorkerService } from './job-worker.service';
import { AccountJobOutbox } from './outbox/account-job-outbox';
import { JobOutbox } from './outbox/job-outbox';
import { JobOutboxEntity } from './outbox/job-outbox.entity';
import { JobOutboxRepository } from './outbox/job-outbox.repository';
import { OutboxRelay } from './outbox/outbox-relay';
import type { ScheduleDefinition } from './schedule-definition';
import { ScheduleRunRepository } from './schedule-run.repository';

@Global()
@Module({})
export class JobsModule {
  /** `jobs` and `schedules`: every one the bounded contexts declare (the composition root gathers them). */
  static forRoot(jobs: readonly DeclaredJob[], schedules: readonly ScheduleDefinition[] = []): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([JobOutboxEntity])],
      providers: [
        { provide: JOB_DEFINITIONS, useValue: jobs },
        { provide: SCHEDULE_DEFINITIONS, useValue: schedules },
        JobQueueService,
        JobRegistry,
        JobWorkerService,
        JobOutboxRepository,
        ScheduleRunRepository,
        OutboxRelay,
        JobOutbox,
        AccountJobOutbox,
      ],
      exports: [JobQueueService, JobRegistry, JobWorkerService, JobOutbox, AccountJobOutbox, OutboxRelay],
    };
  }
}
