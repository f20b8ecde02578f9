import type { Type } from '@nestjs/common';
import { IsUUID } from 'class-validator';

/**
 * Every job payload names its organization: the worker restores the tenant from it. A
 * context's payload extends this class and adds its own class-validator rules, which the
 * worker checks before a handler ever sees the payload.
 */
export class TenantJobPayload {
  @IsUUID()
  organizationId!: string;
}

/**
 * A job as the context that owns it declares it (`defineJob`): its name, its queue, its
 * payload class, and the one key that identifies it within its organization.
 */
export interface JobDefinition<P extends TenantJobPayload = TenantJobPayload> {
  /** Unique across the product, kebab-case: `invitation-email`. */
  readonly name: string;
  /** The BullMQ queue that carries it (DESIGN.md: email, reminders, analytics, matching). */
  readonly queue: string;
  readonly payload: Type<P>;
  /**
   * What makes two runs the same job within the organization (e.g. the invitation's id).
   * `jobKeyOf` turns it into the job's BullMQ id and its handler's idempotency key alike.
   * (A method, so a job of any payload is a `JobDefinition`.)
   */
  key(payload: P): string;
}

export function defineJob<P extends TenantJobPayload>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export class InvalidJobKeyError extends Error {}

/**
 * The job's one key: `<name>.<organization>.<key>`. Enqueuing the same logical job twice while
 * BullMQ still knows the first is a no-op, and its side effects claim this key in Postgres.
 * (BullMQ forbids ':' in custom job ids.)
 */
export function jobKeyOf<P extends TenantJobPayload>(job: JobDefinition<P>, payload: P): string {
  const key = `${job.name}.${payload.organizationId}.${job.key(payload)}`;
  if (key.includes(':')) throw new InvalidJobKeyError(`job key "${key}" must not contain ':'`);
  return key;
}
