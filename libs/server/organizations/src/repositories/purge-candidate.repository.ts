import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@mentorship/platform';

/**
 * The one read across organizations: which are due for purging. No tenant is set when the
 * schedule ticks, so it goes through `organizations_due_for_purge`, which runs as the owner
 * and returns ids only.
 */
@Injectable()
export class PurgeCandidateRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async dueBy(dueAt: Date): Promise<string[]> {
    const rows = (await this.unitOfWork
      .manager()
      .query(`SELECT organizations_due_for_purge($1) AS id`, [dueAt])) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
