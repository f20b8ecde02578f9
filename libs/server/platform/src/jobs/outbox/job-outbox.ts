import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../tenancy/tenant-context';
import { JobDefinition, jobKeyOf, TenantJobPayload } from '../job-definition';
import { JobOutboxRepository } from './job-outbox.repository';
import { OutboxRelay } from './outbox-relay';

/** A job's payload as a service gives it: the organization is the tenant's, never the caller's to say. */
export type JobFields<P extends TenantJobPayload> = Omit<P, 'organizationId'>;

/**
 * How services enqueue: `outbox.enqueue(job, fields)` records the job in the tenant's own
 * transaction, so it reaches BullMQ if and only if the write commits. Typed end to end: a job
 * takes its own payload and no other.
 */
@Injectable()
export class JobOutbox {
  /** Tenant scopes (by their after-commit list) that already nudge the relay once committed. */
  private readonly nudging = new WeakSet<object>();

  constructor(
    private readonly rows: JobOutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * `options.runAt`: the job waits until then (BullMQ's delay, counted when the relay moves it);
   * its handler still checks the time itself, as a delayed job may run late or twice.
   */
  async enqueue<P extends TenantJobPayload>(
    job: JobDefinition<P>,
    fields: NoInfer<JobFields<P>>,
    options: { runAt?: Date } = {},
  ): Promise<void> {
    const payload = { ...fields, organizationId: TenantContext.organizationId() } as P;
    await this.rows.add({
      key: jobKeyOf(job, payload),
      name: job.name,
      queue: job.queue,
      payload,
      runAt: options.runAt,
    });
    const scope = TenantContext.current();
    if (!this.nudging.has(scope.afterCommit)) {
      this.nudging.add(scope.afterCommit);
      TenantContext.afterCommit(() => this.relay.nudge());
    }
  }
}
