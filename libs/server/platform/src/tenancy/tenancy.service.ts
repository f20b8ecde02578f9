import { Injectable, Logger } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PgTransaction } from '../database/pg-statements';
import { CommitWrite, commitWritesSql } from './commit-writes';
import { Caller, TenantContext, TenantScope } from './tenant-context';

/**
 * A read made in the statement that sets the tenant, e.g. the caller's membership: a scalar
 * subquery (one column, at most one row) in which `tenant.organization_id` is the tenant just
 * set and `$2`, `$3`, ... are `params` (strings, sent as escaped literals: the statement rides
 * with BEGIN in one simple query). It runs after the setting by construction: it reads
 * a column of the row that sets it.
 */
export interface TenantEntryRead {
  sql: string;
  params: readonly unknown[];
}

/** A tenant transaction begun and entered (`TenancyService.openTenant`), to complete or abandon once. */
export interface OpenTenant<E> {
  /** What the entry statement read; null for no row (or no entry). */
  readonly entered: E | null;
  /** Runs `work` in the tenant's scope (acting for `caller`), commits, then runs the after-commit work; rolls back if `work` throws. */
  complete<T>(work: () => Promise<T>, caller?: Caller): Promise<T>;
  /** Rolls back and releases the connection; nothing when already completed or abandoned. */
  abandon(): Promise<void>;
}

@Injectable()
export class TenancyService {
  private readonly logger = new Logger(TenancyService.name);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction whose tenant is `organizationId`, acting for `caller` when
   * given. The setting is transaction-local (`set_config(..., true)`), so a pooled connection
   * never carries a tenant over to the next request, whether this one commits or rolls back.
   */
  runInTenant<T>(organizationId: string, work: () => Promise<T>, caller?: Caller): Promise<T> {
    return this.enterTenant(organizationId, undefined, () => work(), caller);
  }

  /**
   * `runInTenant`, for the worker's tenant jobs: many short transactions, where BEGIN on its own
   * was a round trip in four (a reminder's delivery). Every tenant transaction now begins with
   * its tenant in one round trip (`openTenant`).
   */
  runJobInTenant<T>(organizationId: string, work: () => Promise<T>): Promise<T> {
    return this.enterTenant(organizationId, undefined, () => work());
  }

  /**
   * Like `runInTenant`, and `entry` is read in the same statement that sets the tenant (one
   * round trip for both); `work` gets what it read (null for no row). With the page and its
   * total in one statement and the audit rows sent with the COMMIT, a tenant request costs
   * BEGIN, this statement, its own statements and COMMIT.
   */
  async enterTenant<E, T>(
    organizationId: string,
    entry: TenantEntryRead | undefined,
    work: (entered: E | null) => Promise<T>,
    caller?: Caller,
  ): Promise<T> {
    const opened = await this.openTenant<E>(organizationId, entry);
    return opened.complete(() => work(opened.entered), caller);
  }

  /**
   * `enterTenant` in two steps, for a request whose organization is entered by a guard before
   * its pipes and handler run: BEGIN with the entry statement now (one round trip); then either `complete` (the
   * work in the tenant's scope, COMMIT, after-commit work) or `abandon` (ROLLBACK), exactly
   * once. Until then the transaction holds a pooled connection.
   */
  async openTenant<E>(organizationId: string, entry: TenantEntryRead | undefined): Promise<OpenTenant<E>> {
    // The transaction's own statements (BEGIN, the entry, COMMIT) and the repositories' raw
    // statements go straight to the connection (`PgTransaction`); TypeORM's runner on the same
    // connection serves the query builders. One simple query begins the transaction, sets the tenant and reads the entry: a round trip
    // fewer than BEGIN on its own. A simple query carries no bind parameters, so the values go
    // as literals escaped by the pg driver.
    const transaction = await PgTransaction.begin(
      this.dataSource,
      `START TRANSACTION;\n${
        entry
          ? `SELECT (${withLiterals(entry.sql, entry.params)}) AS entry
               FROM (SELECT set_config('app.organization_id', ${escapeLiteral(organizationId)}, true)::uuid AS organization_id) AS tenant`
          : `SELECT set_config('app.organization_id', ${escapeLiteral(organizationId)}, true) AS entry`
      }`,
    );
    const [row] = transaction.begun<{ entry: E | null }>();
    let done = false;
    const once = () => {
      if (done) throw new Error(`tenant transaction of ${organizationId} already completed or abandoned`);
      done = true;
    };
    return {
      entered: entry ? (row?.entry ?? null) : null,
      complete: async <T>(work: () => Promise<T>, caller?: Caller) => {
        once();
        const afterCommit: TenantScope['afterCommit'] = [];
        const atCommit: CommitWrite[] = [];
        let result: T;
        try {
          const scope: TenantScope = {
            organizationId,
            manager: transaction.runner.manager,
            query: (text, parameters) => transaction.query(text, parameters),
            afterCommit,
            atCommit,
            caller,
          };
          result = await TenantContext.run(scope, work);
          // The rows kept for the COMMIT (audit rows) travel with it, in one simple query:
          // should an insert fail, Postgres skips the COMMIT and `end` rolls everything back.
          await transaction.commit(atCommit.length > 0 ? commitWritesSql(atCommit) : '');
        } finally {
          await transaction.end();
        }
        for (const job of afterCommit) {
          try {
            await job();
          } catch (error) {
            // The transaction is committed; a failed follow-up must not turn it into an error response.
            this.logger.error(
              `after-commit work failed for organization ${organizationId}: ${String(error)}`,
            );
          }
        }
        return result;
      },
      abandon: async () => {
        if (done) return;
        done = true;
        await transaction.end();
      },
    };
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

/**
 * `sql` with `$2`, `$3`, ... replaced by `params` as escaped literals (`$1` is the tenant, set
 * before it). Strings only: the entry reads by ids, and a literal of another type would need
 * its own rendering.
 */
function withLiterals(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)(?!\d)/g, (placeholder, n: string) => {
    const value = params[Number(n) - 2];
    if (typeof value !== 'string') throw new Error(`tenant entry parameter ${placeholder} is not a string`);
    return escapeLiteral(value);
  });
}
