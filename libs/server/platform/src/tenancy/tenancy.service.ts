import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, TenantContext, TenantScope } from './tenant-context';

@Injectable()
export class TenancyService {
  private readonly logger = new Logger(TenancyService.name);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction whose tenant is `organizationId`, acting for `caller` when
   * given. The setting is transaction-local (`set_config(..., true)`), so a pooled connection
   * never carries a tenant over to the next request, whether this one commits or rolls back.
   */
  async runInTenant<T>(organizationId: string, work: () => Promise<T>, caller?: Caller): Promise<T> {
    const afterCommit: TenantScope['afterCommit'] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
      return TenantContext.run({ organizationId, manager, afterCommit, caller }, work);
    });
    for (const job of afterCommit) {
      try {
        await job();
      } catch (error) {
        // The transaction is committed; a failed follow-up must not turn it into an error response.
        this.logger.error(`after-commit work failed for organization ${organizationId}: ${String(error)}`);
      }
    }
    return result;
  }

  /**
   * Runs `work` in a transaction that knows only the signed-in person, not a tenant: row
   * policies then show that person's own memberships across organizations, nothing more.
   */
  async runAsUser<T>(userId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`select set_config('app.user_id', $1, true)`, [userId]);
      return work(manager);
    });
  }
}
