import { escapeLiteral } from 'pg';
import { inlineParameters } from './inline-parameters';

/**
 * A read made in the statement that sets the tenant, e.g. the caller's membership: a scalar
 * subquery (one column, at most one row) in which `tenant.organization_id` is the tenant just
 * set, `$1` the tenant's id and `$2`, `$3`, ... are `params` (inlined as literals: the
 * statement rides with BEGIN in one simple query). It runs after the setting by construction: it
 * reads a column of the row that sets it.
 */
export interface TenantEntryRead {
  sql: string;
  params: readonly unknown[];
}

/**
 * The head of a tenant transaction sent as one simple query (a round trip fewer than BEGIN on its
 * own): `START TRANSACTION`, `SET LOCAL synchronous_commit = off` when its COMMIT need not wait
 * for the disk, and the tenant's transaction-local `set_config`, whose one row is the `entry`
 * read (null without one). A simple query carries no bind parameters, so every value goes as a
 * literal escaped by the pg driver (`inlineParameters`). Both ways into a tenant begin with it:
 * a request's or job's transaction (`TenancyService.openTenant`) and a statement in a
 * transaction of its own (`TenancyService.statementInTenant`).
 */
export function tenantBatchHead(
  organizationId: string,
  options: { entry?: TenantEntryRead; waitForDisk?: boolean } = {},
): string[] {
  const tenant = `set_config('app.organization_id', ${escapeLiteral(organizationId)}, true)`;
  const { entry } = options;
  return [
    'START TRANSACTION',
    ...(options.waitForDisk === false ? ['SET LOCAL synchronous_commit = off'] : []),
    entry
      ? `SELECT (${inlineParameters(entry.sql, [organizationId, ...entry.params])}) AS entry
           FROM (SELECT ${tenant}::uuid AS organization_id) AS tenant`
      : `SELECT ${tenant} AS entry`,
  ];
}
