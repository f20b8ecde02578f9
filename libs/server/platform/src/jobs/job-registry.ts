import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { DeclaredJob } from './job-definition';
import { AccountJobHandler, JOB_HANDLER, JobHandler } from './job-handler';
import { OUTBOX_RELAY_QUEUE } from './outbox/outbox-relay';
import { SCHEDULE_HANDLER, ScheduleDefinition, ScheduleHandler } from './schedule-definition';

/** The jobs every context declared, gathered by the composition root (`JobsModule.forRoot`). */
export const JOB_DEFINITIONS = Symbol('JOB_DEFINITIONS');
/** The schedules every context declared, gathered likewise. */
export const SCHEDULE_DEFINITIONS = Symbol('SCHEDULE_DEFINITIONS');

export class JobRegistryError extends Error {}

export type RegisteredJob =
  | { definition: Extract<DeclaredJob, { lane: 'tenant' }>; handler: JobHandler }
  | { definition: Extract<DeclaredJob, { lane: 'account' }>; handler: AccountJobHandler };

export interface RegisteredSchedule {
  definition: ScheduleDefinition;
  handler: ScheduleHandler;
}

/**
 * Finds every @HandlesJob and @HandlesSchedule provider and checks, at boot, that each declared
 * job and schedule has exactly one handler: one nobody handles, or two racing, is a deploy-time
 * error.
 */
@Injectable()
export class JobRegistry {
  private jobs = new Map<string, RegisteredJob>();
  private schedules = new Map<string, RegisteredSchedule>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(JOB_DEFINITIONS) private readonly definitions: readonly DeclaredJob[],
    @Inject(SCHEDULE_DEFINITIONS) private readonly scheduleDefinitions: readonly ScheduleDefinition[],
  ) {}

  load(): void {
    const jobHandlers = new Map<string, unknown[]>();
    const scheduleHandlers = new Map<string, unknown[]>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const type = wrapper.metatype as object as never;
      const job = this.reflector.get<DeclaredJob | undefined>(JOB_HANDLER, type);
      if (job) jobHandlers.set(job.name, [...(jobHandlers.get(job.name) ?? []), wrapper.instance]);
      const schedule = this.reflector.get<ScheduleDefinition | undefined>(SCHEDULE_HANDLER, type);
      if (schedule)
        scheduleHandlers.set(schedule.name, [
          ...(scheduleHandlers.get(schedule.name) ?? []),
          wrapper.instance,
        ]);
    }
    this.jobs = checkJobHandlers(this.definitions, jobHandlers);
    this.schedules = checkScheduleHandlers(this.scheduleDefinitions, scheduleHandlers, this.definitions);
  }

  /** Every queue a declared job or schedule runs on. */
  queues(): string[] {
    return [
      ...new Set([
        ...this.definitions.map((job) => job.queue),
        ...this.scheduleDefinitions.map((schedule) => schedule.queue),
      ]),
    ];
  }

  jobOf(name: string): RegisteredJob | undefined {
    return this.jobs.get(name);
  }

  scheduleOf(name: string): RegisteredSchedule | undefined {
    return this.schedules.get(name);
  }

  allSchedules(): RegisteredSchedule[] {
    return [...this.schedules.values()];
  }
}

/** Exactly one handler per declared job, one declaration per name, and no handler for an undeclared job. */
export function checkJobHandlers(
  definitions: readonly DeclaredJob[],
  found: Map<string, unknown[]>,
): Map<string, RegisteredJob> {
  const problems: string[] = [];
  const declared = new Map<string, DeclaredJob>();
  for (const definition of definitions) {
    if (definition.queue === OUTBOX_RELAY_QUEUE)
      problems.push(`job "${definition.name}" uses the platform's queue "${OUTBOX_RELAY_QUEUE}"`);
    if (declared.has(definition.name)) problems.push(`job "${definition.name}" is declared twice`);
    declared.set(definition.name, definition);
    const count = found.get(definition.name)?.length ?? 0;
    if (count !== 1) problems.push(`job "${definition.name}" has ${count} handlers (expected exactly 1)`);
  }
  for (const name of found.keys())
    if (!declared.has(name)) problems.push(`handler for unknown job "${name}"`);
  if (problems.length > 0)
    throw new JobRegistryError(`Job handlers are not in order: ${problems.join('; ')}`);
  return new Map(
    [...declared].map(([name, definition]) => [
      name,
      { definition, handler: (found.get(name) ?? [])[0] } as RegisteredJob,
    ]),
  );
}

/** The same for schedules; a schedule's name may not be a job's either (ticks are named by it). */
export function checkScheduleHandlers(
  definitions: readonly ScheduleDefinition[],
  found: Map<string, unknown[]>,
  jobs: readonly DeclaredJob[] = [],
): Map<string, RegisteredSchedule> {
  const problems: string[] = [];
  const declared = new Map<string, ScheduleDefinition>();
  const jobNames = new Set(jobs.map((job) => job.name));
  for (const definition of definitions) {
    if (definition.queue === OUTBOX_RELAY_QUEUE)
      problems.push(`schedule "${definition.name}" uses the platform's queue "${OUTBOX_RELAY_QUEUE}"`);
    if (declared.has(definition.name)) problems.push(`schedule "${definition.name}" is declared twice`);
    if (jobNames.has(definition.name)) problems.push(`schedule "${definition.name}" is also a job's name`);
    declared.set(definition.name, definition);
    const count = found.get(definition.name)?.length ?? 0;
    if (count !== 1)
      problems.push(`schedule "${definition.name}" has ${count} handlers (expected exactly 1)`);
  }
  for (const name of found.keys())
    if (!declared.has(name)) problems.push(`handler for unknown schedule "${name}"`);
  if (problems.length > 0)
    throw new JobRegistryError(`Schedule handlers are not in order: ${problems.join('; ')}`);
  return new Map(
    [...declared].map(([name, definition]) => [
      name,
      { definition, handler: (found.get(name) ?? [])[0] as ScheduleHandler },
    ]),
  );
}
