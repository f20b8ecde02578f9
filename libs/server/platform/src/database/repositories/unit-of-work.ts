import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TenantContext } from '../../tenancy/tenant-context';

interface UnitScope {
  manager: EntityManager;
  /** Work to do once the unit's transaction has committed (e.g. nudge the outbox relay). */
  afterCommit: (() => Promise<void> | void)[];
}

const storage = new AsyncLocalStorage<UnitScope>();

/**
 * Transactions outside a tenant, for global tables (identity's): `unitOfWork.run(() => ...)`
 * makes every repository called inside use one transaction, without a service ever holding
 * an EntityManager.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const afterCommit: UnitScope['afterCommit'] = [];
    const result = await this.dataSource.transaction((manager) =>
      storage.run({ manager, afterCommit }, work),
    );
    for (const job of afterCommit) {
      try {
        await job();
      } catch (error) {
        // Committed: a failed follow-up must not turn the unit into an error.
        this.logger.error(`after-commit work failed: ${String(error)}`);
      }
    }
    return result;
  }

  /** True inside `run()` (or a tenant's transaction): writes made now commit together. */
  inTransaction(): boolean {
    return storage.getStore() !== undefined || TenantContext.isSet();
  }

  /**
   * Runs `work` once the current transaction (this unit's, else the tenant's) has committed;
   * throws outside any, where there is no commit to wait for.
   */
  afterCommit(work: () => Promise<void> | void): void {
    const unit = storage.getStore();
    if (unit) unit.afterCommit.push(work);
    else TenantContext.afterCommit(work);
  }

  /** The unit of work's transaction, else the tenant's, else the pool. */
  manager(): EntityManager {
    return (
      storage.getStore()?.manager ??
      (TenantContext.isSet() ? TenantContext.manager() : this.dataSource.manager)
    );
  }
}
