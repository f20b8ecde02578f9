import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TenantContext } from '../../tenancy/tenant-context';

const storage = new AsyncLocalStorage<EntityManager>();

/**
 * Transactions outside a tenant, for global tables (identity's): `unitOfWork.run(() => ...)`
 * makes every repository called inside use one transaction, without a service ever holding
 * an EntityManager.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => storage.run(manager, work));
  }

  /** The unit of work's transaction, else the tenant's, else the pool. */
  manager(): EntityManager {
    return storage.getStore() ?? (TenantContext.isSet() ? TenantContext.manager() : this.dataSource.manager);
  }
}
