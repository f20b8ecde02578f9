import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER, JobHandler } from './job-handler';
import { JobName } from './job-names';

export class JobRegistryError extends Error {}

/**
 * Finds every @HandlesJob provider and checks, at boot, that each job name has exactly
 * one handler: a job nobody handles, or two handlers racing, is a deploy-time error.
 */
@Injectable()
export class JobRegistry {
  private handlers = new Map<JobName, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  load(): void {
    const found = new Map<JobName, JobHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, wrapper.metatype as object as never);
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), wrapper.instance as JobHandler]);
    }
    this.handlers = checkJobHandlers(found);
  }

  handlerOf(name: string): JobHandler {
    const handler = this.handlers.get(name as JobName);
    if (!handler) throw new JobRegistryError(`No handler for job "${name}"`);
    return handler;
  }
}

/** Exactly one handler per job name, and no handler for an unknown name. */
export function checkJobHandlers(found: Map<string, unknown[]>): Map<JobName, JobHandler> {
  const problems: string[] = [];
  const known = new Set<string>(Object.values(JobName));
  for (const name of known) {
    const count = found.get(name)?.length ?? 0;
    if (count !== 1) problems.push(`job "${name}" has ${count} handlers (expected exactly 1)`);
  }
  for (const name of found.keys()) if (!known.has(name)) problems.push(`handler for unknown job "${name}"`);
  if (problems.length > 0)
    throw new JobRegistryError(`Job handlers are not in order: ${problems.join('; ')}`);
  return new Map([...found].map(([name, handlers]) => [name as JobName, handlers[0] as JobHandler]));
}
