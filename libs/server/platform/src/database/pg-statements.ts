import type { Pool, PoolClient, QueryResult } from 'pg';
import { DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Raw statements straight on `pg`, not through TypeORM's query runner. Per statement the
 * runner awaits a connection it already holds, two subscriber broadcasts and their results,
 * times the query and builds a QueryResult (the members list's profile: 88 µs per request in
 * the broadcasts alone); the request path's statements are fixed texts that need none of it.
 * The answer keeps the runner's shape, so a repository cannot tell the two apart: the rows,
 * or `[rows, affected]` for UPDATE and DELETE, and a failure is a `QueryFailedError` around the
 * driver's error (what `isUniqueViolation` reads).
 */
export async function sendStatement<R>(
  target: Pool | PoolClient,
  text: string,
  parameters: readonly unknown[] = [],
): Promise<R> {
  let result: QueryResult | QueryResult[];
  try {
    result = await target.query(text, parameters as unknown[]);
  } catch (error) {
    throw new QueryFailedError(text, parameters as unknown[], error as Error);
  }
  // A simple query of several statements answers one result each: the last one's rows.
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  if (!last) return [] as R;
  return (last.command === 'UPDATE' || last.command === 'DELETE'
    ? [last.rows, last.rowCount]
    : last.rows) as unknown as R;
}

/** The application's connection pool, the one TypeORM made: raw statements share its connections. */
export function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as PostgresDriver).master as Pool | undefined;
  if (!pool) throw new Error('the data source is not initialized: no connection pool yet');
  return pool;
}

/** TypeORM's transaction bookkeeping on a query runner, for a transaction begun or ended on its connection directly. */
interface TransactionState {
  isTransactionActive: boolean;
  transactionDepth: number;
}

/** The statements `PgTransaction.prepareOnce` prepared on each pooled connection (by name). */
const preparedStatements = new WeakMap<PoolClient, Set<string>>();

/**
 * A transaction on one pooled connection, begun, sent to and ended with raw statements, with a
 * TypeORM query runner on the same connection for the repositories that still build queries
 * (its EntityManager sees the transaction as its own: a nested `transaction()` is a savepoint).
 * Made by `begin`; `end` once, after COMMIT or to roll back what is still open.
 */
export class PgTransaction {
  private active = true;
  private released = false;
  private begunRows: unknown[] = [];
  private broken: Error | undefined;
  private readonly onError = (error: Error) => {
    // A connection that fails while held (Postgres restarted, the socket reset) is not given
    // back to the pool for reuse; without a listener the error would end the process.
    this.broken = error;
  };

  private constructor(
    private readonly client: PoolClient,
    readonly runner: QueryRunner,
  ) {
    client.on('error', this.onError);
  }

  /**
   * Takes a connection from the pool and sends `begin` (START TRANSACTION, or a simple query
   * that starts with it). The connection goes back to the pool if that fails.
   */
  static async begin(
    dataSource: DataSource,
    begin: string,
    parameters?: readonly unknown[],
  ): Promise<PgTransaction> {
    const client = await poolOf(dataSource).connect();
    const runner = dataSource.createQueryRunner();
    // The runner's connect() answers the connection it holds; with no release callback of its
    // own, releasing the runner leaves the connection to `end`.
    (runner as unknown as { databaseConnection: PoolClient }).databaseConnection = client;
    const transaction = new PgTransaction(client, runner);
    transaction.markActive(true);
    try {
      transaction.begunRows = await transaction.query<unknown[]>(begin, parameters);
    } catch (error) {
      await transaction.end();
      throw error;
    }
    return transaction;
  }

  /** The rows of `begin`'s last statement (e.g. what a tenant's entry read). */
  begun<R>(): R[] {
    return this.begunRows as R[];
  }

  /** A statement in the transaction; refused once the connection has gone back to the pool. */
  query<R>(text: string, parameters?: readonly unknown[]): Promise<R> {
    if (this.released) return Promise.reject(new Error('statement after the transaction ended'));
    return sendStatement<R>(this.client, text, parameters);
  }

  /**
   * `statement` (a simple query's text: parameters inlined), then `before` and COMMIT, in one
   * simple query: one round trip for a transaction's last statement and its end. Answers the
   * statement's rows. Should it fail, Postgres skips the rest and `end` rolls back.
   */
  async commitAfter<R>(statement: string, before = ''): Promise<R[]> {
    if (this.released) throw new Error('statement after the transaction ended');
    const text = [statement, ...(before ? [before] : []), 'COMMIT'].join(';\n');
    let results: QueryResult[];
    try {
      results = (await this.client.query(text)) as unknown as QueryResult[];
    } catch (error) {
      throw new QueryFailedError(text, undefined, error as Error);
    }
    this.markActive(false);
    return (results[0]?.rows ?? []) as R[];
  }

  /**
   * `PREPARE name AS sql` on this transaction's connection unless done already (a prepared
   * statement outlives the transaction: it belongs to the connection's session).
   */
  async prepareOnce(name: string, sql: string): Promise<void> {
    const prepared = preparedStatements.get(this.client) ?? new Set<string>();
    if (prepared.has(name)) return;
    await this.query(`PREPARE ${name} AS ${sql}`);
    preparedStatements.set(this.client, prepared.add(name));
  }

  /** COMMIT, with `before` (e.g. inserts kept for it) in the same simple query when given. */
  async commit(before = ''): Promise<void> {
    await this.query(before ? `${before};\nCOMMIT` : 'COMMIT');
    this.markActive(false);
  }

  /** Rolls back what is still open and gives the connection back (destroyed when it failed). */
  async end(): Promise<void> {
    if (this.released) return;
    try {
      if (this.active && !this.broken) await this.query('ROLLBACK');
      this.markActive(false);
    } catch (error) {
      this.broken ??= error as Error;
    } finally {
      this.released = true;
      await this.runner.release();
      this.client.removeListener('error', this.onError);
      this.client.release(this.broken);
    }
  }

  private markActive(active: boolean): void {
    this.active = active;
    Object.assign(this.runner as unknown as TransactionState, {
      isTransactionActive: active,
      transactionDepth: active ? 1 : 0,
    });
  }
}
