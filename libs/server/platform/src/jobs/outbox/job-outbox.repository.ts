import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantRepository } from '../../database/repositories/tenant-repository';
import { JobOutboxEntity } from './job-outbox.entity';

@Injectable()
export class JobOutboxRepository extends TenantRepository<JobOutboxEntity> {
  constructor() {
    super(JobOutboxEntity);
  }

  /** Records the job unless one with its key is already waiting. */
  async add(job: { key: string; name: string; queue: string; payload: object; runAt?: Date }): Promise<void> {
    await this.sql(
      `INSERT INTO job_outbox (organization_id, id, job_key, job_name, queue, payload, run_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organization_id, job_key) DO NOTHING`,
      [randomUUID(), job.key, job.name, job.queue, JSON.stringify(job.payload), job.runAt ?? null],
    );
  }
}
