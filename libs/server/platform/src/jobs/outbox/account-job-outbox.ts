import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/repositories/unit-of-work';
import { AccountJobDefinition, AccountJobPayload, jobKeyOf } from '../job-definition';
import { OutboxRelay } from './outbox-relay';

export class NoTransactionError extends Error {
  constructor() {
    super(
      'Account jobs are enqueued inside UnitOfWork.run() (or a tenant transaction), with the write they follow.',
    );
  }
}

/**
 * The outbox of account jobs: `accountOutbox.enqueue(job, payload)` records the job in the
 * current transaction (a `UnitOfWork`'s, or a tenant's), so it reaches BullMQ if and only if the
 * write it follows commits, exactly like `JobOutbox` for tenant jobs. The payload names its user:
 * an account job has no tenant to take one from.
 */
@Injectable()
export class AccountJobOutbox {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly relay: OutboxRelay,
  ) {}

  async enqueue<P extends AccountJobPayload>(
    job: AccountJobDefinition<P>,
    payload: NoInfer<P>,
  ): Promise<void> {
    if (!this.unitOfWork.inTransaction()) throw new NoTransactionError();
    await this.unitOfWork.manager().query(
      `INSERT INTO account_job_outbox (id, user_id, job_key, job_name, queue, payload)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (job_key) DO NOTHING`,
      [randomUUID(), payload.userId, jobKeyOf(job, payload), job.name, job.queue, JSON.stringify(payload)],
    );
    // Not awaited by the commit: the answer does not wait for Redis (the relay's schedule catches up).
    this.unitOfWork.afterCommit(() => void this.relay.nudge());
  }
}
