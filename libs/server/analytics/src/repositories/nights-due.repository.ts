import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@mentorship/platform';

export interface NightDue {
  organizationId: string;
  /** The last day whose night is over in the organization's zone (YYYY-MM-DD). */
  day: string;
}

/**
 * The one read across organizations: each one's last night that is over at a tick's instant. No
 * tenant is set when the schedule ticks, so it goes through `analytics_nights_due`, which runs as
 * the owner and returns ids and days only.
 */
@Injectable()
export class NightsDueRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async at(at: Date): Promise<NightDue[]> {
    const rows = (await this.unitOfWork
      .manager()
      .query(`SELECT organization_id, to_char(day, 'YYYY-MM-DD') AS day FROM analytics_nights_due($1)`, [
        at,
      ])) as {
      organization_id: string;
      day: string;
    }[];
    return rows.map((row) => ({ organizationId: row.organization_id, day: row.day }));
  }
}
