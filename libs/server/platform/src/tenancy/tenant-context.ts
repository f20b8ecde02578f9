import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

export interface TenantScope {
  readonly organizationId: string;
  /** The transaction in which `app.organization_id` is set: every tenant query goes through it. */
  readonly manager: EntityManager;
  /** Work to do once the transaction has committed (e.g. enqueue a job that reads its rows). */
  readonly afterCommit: (() => Promise<void> | void)[];
}

export class TenantContextMissingError extends Error {
  constructor() {
    super('No tenant context: tenant data may only be read inside TenancyService.runInTenant().');
  }
}

const storage = new AsyncLocalStorage<TenantScope>();

/** The one way to reach tenant data. Throws when no tenant is set, so nothing runs unscoped by accident. */
export const TenantContext = {
  current(): TenantScope {
    const scope = storage.getStore();
    if (!scope) throw new TenantContextMissingError();
    return scope;
  },
  organizationId(): string {
    return TenantContext.current().organizationId;
  },
  manager(): EntityManager {
    return TenantContext.current().manager;
  },
  afterCommit(work: () => Promise<void> | void): void {
    TenantContext.current().afterCommit.push(work);
  },
  isSet(): boolean {
    return storage.getStore() !== undefined;
  },
  run<T>(scope: TenantScope, work: () => Promise<T>): Promise<T> {
    return storage.run(scope, work);
  },
};
