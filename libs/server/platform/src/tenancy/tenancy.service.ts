import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { PgTransaction, poolOf } from '../database/pg-statements';
import { CommitWrite, commitWritesSql } from './commit-writes';
import { inlineParameters } from './inline-parameters';
import { tenantBatchHead, type TenantEntryRead } from './tenant-batch';
import { Caller, TenantContext, TenantScope } from './tenant-context';

/**
 * One statement of a repository for `TenancyService.statementInTenant`: `$1` in `sql` is the
 * tenant's organization id, `$2`, `$3`, ... are `params` (the repositories' `sql` convention).
 */
export interface TenantStatement {
  sql: string;
  params: readonly unknown[];
  /**
   * False: its COMMIT does not wait for the WAL to reach the disk (`synchronous_commit = off`
   * for this transaction alone), a disk flush (some 3 ms on a shared disk) less. A stop of
   * Postgres keeps it; a crash of Postgres or the machine within about 0.6 s after may undo it,
   * whole, never in part. Only for a record whose loss its caller already tolerates. Default true.
   */
  waitForDisk?: boolean;
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

/** The statements `statementInTenant` prepared on each pooled connection (by name). */
const preparedOn = new WeakMap<PoolClient, Set<string>>();

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
   * One statement in a tenant transaction of its own, in one round trip: `START TRANSACTION`,
   * the tenant's `set_config`, the statement and `COMMIT` as one simple query, the statement
   * as `EXECUTE` of a prepared statement with its parameters inlined as quoted literals
   * (`inlineParameters`). Returns the statement's rows. For the worker's hottest path (a
   * reminder's delivery), where a transaction of one statement was three or four round trips.
   * Should the statement fail, Postgres skips the COMMIT and the transaction is rolled back
   * here; no after-commit or at-commit work (no `TenantContext`).
   *
   * Prepared, once per pooled connection (a round trip of its own the first time): planning a
   * delivery's statement (a dozen relations, row-level security) took 2.5-10 ms on the busy
   * machine against under 1 ms to run it; a prepared statement is planned at most a few times.
   */
  async statementInTenant<R>(organizationId: string, statement: TenantStatement): Promise<R[]> {
    const name = `tenant_${createHash('sha1').update(statement.sql).digest('hex').slice(0, 20)}`;
    const params = [organizationId, ...statement.params];
    const statements = [
      ...tenantBatchHead(organizationId, { waitForDisk: statement.waitForDisk }),
      inlineParameters(`EXECUTE ${name}(${params.map((_, i) => `$${i + 1}`).join(', ')})`, params),
      'COMMIT',
    ];
    const sql = statements.join(';\n');
    // Straight on a pooled connection, as `PgTransaction`: this one query has five results.
    const client = await poolOf(this.dataSource).connect();
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    let begun = false;
    try {
      await this.prepareOn(client, name, statement.sql);
      begun = true;
      let results: QueryResult[];
      try {
        results = (await client.query(sql)) as unknown as QueryResult[];
      } catch (error) {
        throw new QueryFailedError(sql, undefined, error as Error);
      }
      begun = false;
      return (results[statements.length - 2] as QueryResult).rows as R[];
    } finally {
      // A failed statement leaves its transaction aborted (Postgres skipped the COMMIT).
      if (begun && !broken) await client.query('ROLLBACK').catch((error: Error) => (broken = error));
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  /** `PREPARE name AS sql` on this connection unless done already (session-wide, outside any transaction). */
  private async prepareOn(client: PoolClient, name: string, sql: string): Promise<void> {
    const prepared = preparedOn.get(client) ?? new Set<string>();
    if (prepared.has(name)) return;
    try {
      await client.query(`PREPARE ${name} AS ${sql}`);
    } catch (error) {
      throw new QueryFailedError(`PREPARE ${name} AS ${sql}`, undefined, error as Error);
    }
    preparedOn.set(client, prepared.add(name));
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
    // connection serves the query builders. One simple query begins the transaction, sets the
    // tenant and reads the entry (`tenantBatchHead`).
    const transaction = await PgTransaction.begin(
      this.dataSource,
      tenantBatchHead(organizationId, { entry }).join(';\n'),
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
        let committed = false;
        const ended = () => Promise.reject(new Error('statement after the tenant transaction committed'));
        try {
          const scope: TenantScope = {
            organizationId,
            manager: transaction.runner.manager,
            query: (text, parameters) => (committed ? ended() : transaction.query(text, parameters)),
            queryWithCommit: async (text, parameters) => {
              if (committed) return ended();
              committed = true;
              // Prepared once per connection, as `statementInTenant`: planning a statement of a
              // dozen relations under row-level security costs more than running it.
              const name = `commit_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
              await transaction.prepareOnce(name, text);
              const execute =
                parameters.length === 0
                  ? `EXECUTE ${name}`
                  : inlineParameters(
                      `EXECUTE ${name}(${parameters.map((_, i) => `$${i + 1}`).join(', ')})`,
                      parameters,
                    );
              const rows = await transaction.commitAfter(
                execute,
                atCommit.length > 0 ? commitWritesSql(atCommit.splice(0)) : '',
              );
              // The connection goes back to the pool now, not when the handler returns: work
              // after the COMMIT that needs a transaction of its own must not hold two.
              await transaction.end();
              return rows;
            },
            afterCommit,
            atCommit,
            caller,
          };
          result = await TenantContext.run(scope, work);
          if (committed && atCommit.length > 0)
            throw new Error('rows kept for the COMMIT after queryWithCommit had committed');
          // The rows kept for the COMMIT (audit rows) travel with it, in one simple query:
          // should an insert fail, Postgres skips the COMMIT and `end` rolls everything back.
          if (!committed) await transaction.commit(atCommit.length > 0 ? commitWritesSql(atCommit) : '');
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
   * Runs `work` in the tenant's scope (acting for `caller`) with no transaction: for a route
   * answered from memory (`WithoutRouteTransaction`), which opens tenant transactions of its own
   * (`runInTenant`, `statementInTenant`) only when it needs Postgres. Any statement on this scope,
   * and any row kept for a COMMIT, is refused; after-commit work runs once `work` has returned.
   */
  async withoutTransaction<T>(organizationId: string, work: () => Promise<T>, caller?: Caller): Promise<T> {
    const refused = () =>
      new Error('this tenant scope has no transaction (WithoutRouteTransaction): open one with runInTenant');
    const afterCommit: TenantScope['afterCommit'] = [];
    const atCommit: CommitWrite[] = [];
    const scope: TenantScope = {
      organizationId,
      get manager(): EntityManager {
        throw refused();
      },
      query: () => Promise.reject(refused()),
      queryWithCommit: () => Promise.reject(refused()),
      afterCommit,
      atCommit,
      caller,
    };
    const result = await TenantContext.run(scope, work);
    if (atCommit.length > 0) throw refused();
    for (const job of afterCommit) await job();
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
