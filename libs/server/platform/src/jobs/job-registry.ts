import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { JobDefinition } from './job-definition';
import { JOB_HANDLER, JobHandler } from './job-handler';
import { OUTBOX_RELAY_QUEUE } from './outbox/outbox-relay';

/** The jobs every context declared, gathered by the composition root (`JobsModule.forRoot`). */
export const JOB_DEFINITIONS = Symbol('JOB_DEFINITIONS');

export class JobRegistryError extends Error {}

export interface RegisteredJob {
  definition: JobDefinition;
  handler: JobHandler;
}

/**
 * Finds every @HandlesJob provider and checks, at boot, that each declared job has exactly
 * one handler: a job nobody handles, or two handlers racing, is a deploy-time error.
 */
@Injectable()
export class JobRegistry {
  private jobs = new Map<string, RegisteredJob>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(JOB_DEFINITIONS) private readonly definitions: readonly JobDefinition[],
  ) {}

  load(): void {
    const found = new Map<string, JobHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const job = this.reflector.get<JobDefinition | undefined>(
        JOB_HANDLER,
        wrapper.metatype as object as never,
      );
      if (!job) continue;
      found.set(job.name, [...(found.get(job.name) ?? []), wrapper.instance as JobHandler]);
    }
    this.jobs = checkJobHandlers(this.definitions, found);
  }

  /** Every queue a declared job runs on. */
  queues(): string[] {
    return [...new Set(this.definitions.map((job) => job.queue))];
  }

  jobOf(name: string): RegisteredJob | undefined {
    return this.jobs.get(name);
  }
}

/** Exactly one handler per declared job, one declaration per name, and no handler for an undeclared job. */
export function checkJobHandlers(
  definitions: readonly JobDefinition[],
  found: Map<string, unknown[]>,
): Map<string, RegisteredJob> {
  const problems: string[] = [];
  const declared = new Map<string, JobDefinition>();
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
      { definition, handler: (found.get(name) ?? [])[0] as JobHandler },
    ]),
  );
}
