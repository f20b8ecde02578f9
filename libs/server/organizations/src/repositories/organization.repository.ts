import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { OrganizationEntity } from '../entities/organization.entity';

/** The tenant's own row: isolated by its id, which is the tenant's. */
@Injectable()
export class OrganizationRepository extends TenantRepository<OrganizationEntity, 'id'> {
  constructor() {
    super(OrganizationEntity, 'id');
  }

  /** Creates the current tenant's row. */
  create(name: string, createdAt: Date): Promise<void> {
    return this.insert({ name, createdAt });
  }

  rename(name: string): Promise<void> {
    return this.update({}, { name });
  }

  scheduleDeletion(scheduledBy: string, at: Date, purgeAfter: Date): Promise<void> {
    return this.update({}, { deletionScheduledAt: at, deletionScheduledBy: scheduledBy, purgeAfter });
  }

  restore(): Promise<void> {
    return this.update({}, { deletionScheduledAt: null, deletionScheduledBy: null, purgeAfter: null });
  }

  /** The tenant's row, locked until the transaction ends (deletion and restore queue up). */
  async lockCurrent(): Promise<OrganizationEntity> {
    const organization = await this.findOneForUpdate({});
    if (!organization) throw new Error('The tenant has no organization row');
    return organization;
  }

  /**
   * Erases the tenant (every tenant table's rows, then its own row) if it is scheduled and due
   * by `dueAt`: the counts per table, or null when there was nothing to purge. The function
   * (migration 1764700000200) runs as the owner and checks both itself.
   */
  async purgeIfDue(dueAt: Date): Promise<Record<string, number> | null> {
    const [row] = await this.sql<{ counts: Record<string, number> | null }>(
      `SELECT purge_organization($1, $2) AS counts`,
      [dueAt],
    );
    return row?.counts ?? null;
  }

  async current(): Promise<OrganizationEntity> {
    const organization = await this.findOne({});
    if (!organization) throw new Error('The tenant has no organization row');
    return organization;
  }
}
