import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { TenantContext } from '../../tenancy/tenant-context';
import { poolOf, sendStatement } from '../pg-statements';

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
  private pool?: Pool;

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

  /**
   * A raw statement in the unit of work's transaction, else the tenant's, else on a pooled
   * connection straight through `pg` (`/me`'s read of the person: a TypeORM query runner
   * taken, connected, broadcast to and released per statement cost as much as the rest of
   * the route's own work).
   */
  query<R>(text: string, parameters: readonly unknown[] = []): Promise<R> {
    const unit = storage.getStore();
    if (unit) return unit.manager.query(text, parameters as unknown[]) as Promise<R>;
    if (TenantContext.isSet()) return TenantContext.query<R>(text, parameters);
    return sendStatement<R>((this.pool ??= poolOf(this.dataSource)), text, parameters);
  }

  /** The unit of work's transaction, else the tenant's, else the pool. */
  manager(): EntityManager {
    return (
      storage.getStore()?.manager ??
      (TenantContext.isSet() ? TenantContext.manager() : this.dataSource.manager)
    );
  }
}
