import {
  SelectQueryBuilder,
  type EntityManager,
  type EntityTarget,
  type FindManyOptions,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { FoundPage } from '../../http/page.dto';
import { TenantContext } from '../../tenancy/tenant-context';
import { insertUnlessDuplicate, unlessDuplicate } from './unique-violation';

/**
 * A condition on a tenant table, without its tenant column: the repository adds that itself,
 * from the tenant context, so it cannot be forgotten or set to another organization.
 */
export type TenantWhere<E, K extends keyof E> = Omit<FindOptionsWhere<E>, K>;

/**
 * A list in raw SQL, for `findPage`: `select` is a whole SELECT (its `$1` the tenant's
 * organization id, `$2`... `params`), `orderBy` its order over the output columns, which the page
 * reads as `listed` (e.g. `lower(listed.name), listed.id`). For what the query builder cannot say.
 */
export interface SqlList {
  select: string;
  params?: readonly unknown[];
  orderBy: string;
}

/** A new row of a tenant table, without its tenant column (set from the tenant context). */
export type TenantRow<E, K extends keyof E> = Omit<QueryDeepPartialEntity<E>, K>;

/**
 * Base of every repository over a tenant table. Each query it builds carries the tenant
 * column in its WHERE and each insert sets it, from `TenantContext`: row-level security is the
 * second wall, and Citus routes a query to one node only when the distribution key is in it.
 * Subclasses expose named methods; services never see an EntityManager.
 *
 * `K` is the tenant column's property: `organizationId`, or `id` for the organizations table.
 */
/** Cursor names are unique within a process, so two exports in one transaction never clash. */
let cursors = 0;

export abstract class TenantRepository<
  E extends ObjectLiteral,
  K extends keyof E & string = 'organizationId',
> {
  protected constructor(
    private readonly entity: EntityTarget<E>,
    private readonly tenantKey: K = 'organizationId' as K,
  ) {}

  /** The tenant's transaction; throws outside a tenant. */
  private get manager(): EntityManager {
    return TenantContext.manager();
  }

  private scoped(where: TenantWhere<E, K>): FindOptionsWhere<E> {
    return { ...where, [this.tenantKey]: TenantContext.organizationId() } as FindOptionsWhere<E>;
  }

  private withTenant(row: TenantRow<E, K>): QueryDeepPartialEntity<E> {
    return { ...row, [this.tenantKey]: TenantContext.organizationId() } as QueryDeepPartialEntity<E>;
  }

  protected async findOne(where: TenantWhere<E, K>): Promise<E | null> {
    return this.manager.findOne(this.entity, { where: this.scoped(where) });
  }

  /** Reads one row and locks it (`FOR UPDATE`) until the tenant's transaction ends. */
  protected async findOneForUpdate(where: TenantWhere<E, K>): Promise<E | null> {
    return this.manager.findOne(this.entity, {
      where: this.scoped(where),
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Reads rows and locks them (`FOR UPDATE`) until the tenant's transaction ends. */
  protected async findForUpdate(where: TenantWhere<E, K>): Promise<E[]> {
    return this.manager.find(this.entity, { where: this.scoped(where), lock: { mode: 'pessimistic_write' } });
  }

  protected async find(
    where: TenantWhere<E, K>,
    options: Omit<FindManyOptions<E>, 'where'> = {},
  ): Promise<E[]> {
    return this.manager.find(this.entity, { ...options, where: this.scoped(where) });
  }

  protected async insert(row: TenantRow<E, K>): Promise<void> {
    await this.manager.insert(this.entity, this.withTenant(row));
  }

  /**
   * Inserts the row with the COMMIT (in its round trip), for append-only rows that nothing
   * reads back in the same transaction (the audit log). It is written if and only if the
   * transaction commits, exactly like an `insert`, one round trip later.
   */
  protected insertAtCommit(row: TenantRow<E, K>): void {
    const metadata = this.manager.connection.getMetadata(this.entity);
    const values = this.withTenant(row) as Record<string, unknown>;
    const byColumn: Record<string, unknown> = {};
    for (const column of metadata.columns)
      if (values[column.propertyName] !== undefined)
        byColumn[column.databaseName] = values[column.propertyName];
    TenantContext.current().atCommit.push({ table: metadata.tableName, row: byColumn });
  }

  /**
   * One page of what `list` selects and how many rows there are in all, in one statement: the
   * total rides on every row as `count(*) OVER ()`. Past the last page no row carries the total,
   * so it is counted then. `list` is a query builder (`raw` reads its selected columns with
   * `getRawMany`; otherwise entities are read, and the builder must join nothing that multiplies
   * rows) or a `SqlList`, whose rows are read as raw rows.
   */
  protected async findPage<R = E>(
    list: SelectQueryBuilder<E> | SqlList,
    page: { offset: number; limit: number; raw?: boolean },
  ): Promise<FoundPage<R>> {
    if (!(list instanceof SelectQueryBuilder)) return this.findSqlPage<R>(list, page);
    const builder = list;
    const counting = builder.clone();
    builder.addSelect('count(*) OVER ()', 'page_total').offset(page.offset).limit(page.limit);
    let rows: R[];
    let totals: { page_total: string }[];
    if (page.raw) {
      const raw = await builder.getRawMany<R & { page_total: string }>();
      rows = raw.map(({ page_total: _total, ...row }) => row as R);
      totals = raw;
    } else {
      const found = await builder.getRawAndEntities<{ page_total: string }>();
      rows = found.entities as unknown as R[];
      totals = found.raw;
    }
    const total =
      totals.length > 0 ? Number(totals[0].page_total) : page.offset > 0 ? await counting.getCount() : 0;
    return { rows, total };
  }

  private async findSqlPage<R>(
    list: SqlList,
    page: { offset: number; limit: number },
  ): Promise<FoundPage<R>> {
    const params = list.params ?? [];
    const offset = `$${params.length + 2}`;
    const limit = `$${params.length + 3}`;
    const raw = await this.sql<R & { page_total: number }>(
      `SELECT listed.*, count(*) OVER ()::int AS page_total FROM (${list.select}) AS listed
        ORDER BY ${list.orderBy} OFFSET ${offset} LIMIT ${limit}`,
      [...params, page.offset, page.limit],
    );
    const rows = raw.map(({ page_total: _total, ...row }) => row as R);
    if (raw.length > 0) return { rows, total: raw[0].page_total };
    if (page.offset === 0) return { rows, total: 0 };
    const [counted] = await this.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${list.select}) AS listed`,
      [...params],
    );
    return { rows, total: counted?.n ?? 0 };
  }

  /** False when a unique index refuses the row; the tenant's transaction carries on. */
  protected async insertUnlessDuplicate(row: TenantRow<E, K>): Promise<boolean> {
    return insertUnlessDuplicate(this.manager, this.entity, this.withTenant(row));
  }

  /**
   * `update`, answering false when a unique index refuses the change (a name taken). No
   * savepoint (a rename stays one statement): after false the transaction is aborted, so the
   * caller ends it, as a service does by throwing its 409.
   */
  protected updateUnlessDuplicate(where: TenantWhere<E, K>, patch: TenantRow<E, K>): Promise<boolean> {
    return unlessDuplicate(() => this.update(where, patch));
  }

  protected async update(where: TenantWhere<E, K>, patch: TenantRow<E, K>): Promise<void> {
    await this.manager.update(this.entity, this.scoped(where), patch as QueryDeepPartialEntity<E>);
  }

  protected async delete(where: TenantWhere<E, K>): Promise<void> {
    await this.manager.delete(this.entity, this.scoped(where));
  }

  /**
   * A query builder already narrowed to the tenant. Narrow it further with `andWhere` only:
   * `where` would replace the tenant condition and `orWhere` would escape it (lint refuses both
   * in repositories).
   */
  protected query(alias: string): SelectQueryBuilder<E> {
    return this.manager
      .createQueryBuilder(this.entity, alias)
      .where(`${alias}.${this.tenantKey} = :tenantOrganizationId`, {
        tenantOrganizationId: TenantContext.organizationId(),
      });
  }

  /**
   * Raw SQL whose rows come in batches from a Postgres cursor in the tenant's transaction, so a
   * result of any size is never held in memory at once (exports). `$1` is the organization id,
   * as in `sql`. Stop iterating early and the cursor is closed; the transaction must stay open
   * until then (the request's or job's does).
   */
  protected async *cursor<R>(
    text: string,
    parameters: unknown[] = [],
    batchSize = 1_000,
  ): AsyncGenerator<R[]> {
    const name = `tenant_cursor_${++cursors}`;
    await this.sql(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`, parameters);
    try {
      for (;;) {
        const rows = await TenantContext.query<R[]>(
          `FETCH FORWARD ${Math.max(1, Math.floor(batchSize))} FROM ${name}`,
        );
        if (rows.length === 0) return;
        yield rows;
      }
    } finally {
      await TenantContext.query(`CLOSE ${name}`).catch(() => undefined);
    }
  }

  /**
   * Raw SQL for what the builder cannot say; `$1` is bound to the tenant's organization id.
   * Sent straight to the transaction's connection, past TypeORM's query runner.
   */
  protected async sql<R>(text: string, parameters: unknown[] = []): Promise<R[]> {
    return TenantContext.query<R[]>(text, [TenantContext.organizationId(), ...parameters]);
  }

  /**
   * `sql` as the tenant transaction's last statement, sent with its COMMIT in one round trip
   * (`TenantContext.queryWithCommit`); `$1` is the tenant's organization id.
   */
  protected async sqlWithCommit<R>(text: string, parameters: unknown[] = []): Promise<R[]> {
    return TenantContext.queryWithCommit<R>(text, [TenantContext.organizationId(), ...parameters]);
  }
}
