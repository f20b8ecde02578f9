import type { Type } from '@nestjs/common';
import { IsUUID } from 'class-validator';

/**
 * Every tenant job's payload names its organization: the worker restores the tenant from it. A
 * context's payload extends this class and adds its own class-validator rules, which the
 * worker checks before a handler ever sees the payload.
 */
export class TenantJobPayload {
  @IsUUID()
  organizationId!: string;
}

/**
 * The one exception: work for a person's account, before or outside any organization (the
 * password-reset email). Such a payload names the user instead, and its handler gets no tenant:
 * it may read global tables (identity's) only, never a tenant's rows.
 */
export class AccountJobPayload {
  @IsUUID()
  userId!: string;
}

/** Which lane a job runs in: in its organization's tenant, or for one account. */
export type JobLane = 'tenant' | 'account';

interface JobShape<P> {
  /** Unique across the product, kebab-case: `invitation-email`. */
  readonly name: string;
  /** The BullMQ queue that carries it (DESIGN.md: email, reminders, analytics, matching). */
  readonly queue: string;
  readonly payload: Type<P>;
  /**
   * What makes two runs the same job within the organization (or the account), e.g. the
   * invitation's id. `jobKeyOf` turns it into the job's BullMQ id and its handler's
   * idempotency key alike. (A method, so a job of any payload is a `JobDefinition`.)
   */
  key(payload: P): string;
}

/**
 * A job as the context that owns it declares it (`defineJob`): its name, its queue, its
 * payload class, and the one key that identifies it within its organization.
 */
export interface JobDefinition<P extends TenantJobPayload = TenantJobPayload> extends JobShape<P> {
  readonly lane: 'tenant';
}

/** An account job (`defineAccountJob`): the same, keyed within the user it names. */
export interface AccountJobDefinition<P extends AccountJobPayload = AccountJobPayload> extends JobShape<P> {
  readonly lane: 'account';
}

/** Any job a context declares, in either lane. */
export type DeclaredJob = JobDefinition | AccountJobDefinition;

export function defineJob<P extends TenantJobPayload>(
  definition: JobShape<P> & { lane?: 'tenant' },
): JobDefinition<P> {
  return { ...definition, lane: 'tenant' };
}

export function defineAccountJob<P extends AccountJobPayload>(
  definition: JobShape<P> & { lane?: 'account' },
): AccountJobDefinition<P> {
  return { ...definition, lane: 'account' };
}

export class InvalidJobKeyError extends Error {}

/**
 * The job's one key: `<name>.<organization>.<key>` (an account job: `<name>.user-<user>.<key>`).
 * Enqueuing the same logical job twice while BullMQ still knows the first is a no-op, and its
 * side effects claim this key in Postgres. (BullMQ forbids ':' in custom job ids.)
 */
export function jobKeyOf<P extends TenantJobPayload>(job: JobDefinition<P>, payload: P): string;
export function jobKeyOf<P extends AccountJobPayload>(job: AccountJobDefinition<P>, payload: P): string;
export function jobKeyOf(job: DeclaredJob, payload: TenantJobPayload | AccountJobPayload): string {
  const owner =
    job.lane === 'account'
      ? `user-${(payload as AccountJobPayload).userId}`
      : (payload as TenantJobPayload).organizationId;
  const key = `${job.name}.${owner}.${(job.key as (p: unknown) => string)(payload)}`;
  if (key.includes(':')) throw new InvalidJobKeyError(`job key "${key}" must not contain ':'`);
  return key;
}
