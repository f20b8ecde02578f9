import { AsyncLocalStorage } from 'node:async_hooks';
import type { OrganizationRole } from '@mentorship/contracts';
import type { EntityManager } from 'typeorm';
import type { CommitWrite } from './commit-writes';

/** Who is acting in the tenant: the signed-in person and their roles in this organization. */
export interface Caller {
  readonly userId: string;
  /** As the access token says (lower-cased at sign-up). */
  readonly email: string;
  /** Empty for an invitee who is not a member yet. */
  readonly roles: readonly OrganizationRole[];
}

export interface TenantScope {
  readonly organizationId: string;
  /** The transaction in which `app.organization_id` is set: every tenant query goes through it. */
  readonly manager: EntityManager;
  /**
   * A raw statement in that transaction, sent straight to its connection (`PgTransaction`),
   * with the rows as `manager.query` gives them. Absent in a scope made by hand (tests):
   * `TenantContext.query` then goes through the manager.
   */
  readonly query?: (text: string, parameters?: readonly unknown[]) => Promise<unknown>;
  /**
   * The transaction's last statement sent with its COMMIT in one round trip (see
   * `TenantContext.queryWithCommit`). Absent in a scope made by hand (tests).
   */
  readonly queryWithCommit?: (text: string, parameters: readonly unknown[]) => Promise<unknown[]>;
  /** Work to do once the transaction has committed (e.g. enqueue a job that reads its rows). */
  readonly afterCommit: (() => Promise<void> | void)[];
  /** Rows written with the COMMIT itself (append-only rows nothing reads back in the transaction). */
  readonly atCommit: CommitWrite[];
  /** Set for requests (and anything acting for a person); a job acts for nobody unless it says so. */
  readonly caller?: Caller;
}

export class TenantContextMissingError extends Error {
  constructor() {
    super('No tenant context: tenant data may only be read inside TenancyService.runInTenant().');
  }
}

export class CallerMissingError extends Error {
  constructor() {
    super('No caller in this tenant scope: only work done for a person (a request) has one.');
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
  /** For repositories (lint keeps it out of services and controllers). */
  manager(): EntityManager {
    return TenantContext.current().manager;
  },
  /** A raw statement in the tenant's transaction (for repositories, as `manager`). */
  query<R>(text: string, parameters: readonly unknown[] = []): Promise<R> {
    const scope = TenantContext.current();
    return (
      scope.query ? scope.query(text, parameters) : scope.manager.query(text, parameters as unknown[])
    ) as Promise<R>;
  },
  /**
   * The tenant transaction's last statement, sent with the COMMIT (and the rows kept for it) in
   * one simple query, prepared once per pooled connection: one round trip for both. Its rows,
   * as `query` answers a SELECT. After it the transaction is committed: another statement, or
   * a row kept for the COMMIT, is refused. In a scope made by hand, a plain `query`.
   */
  queryWithCommit<R>(text: string, parameters: readonly unknown[] = []): Promise<R[]> {
    const scope = TenantContext.current();
    return (
      scope.queryWithCommit ? scope.queryWithCommit(text, parameters) : TenantContext.query(text, parameters)
    ) as Promise<R[]>;
  },
  /** Who is acting; throws when nobody is (a job's scope). */
  caller(): Caller {
    const caller = TenantContext.current().caller;
    if (!caller) throw new CallerMissingError();
    return caller;
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
  /** Runs `work` in the current tenant transaction, acting for `caller` (known once the membership is read). */
  withCaller<T>(caller: Caller, work: () => Promise<T>): Promise<T> {
    return storage.run({ ...TenantContext.current(), caller }, work);
  },
};
