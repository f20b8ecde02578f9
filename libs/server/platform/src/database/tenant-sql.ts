/**
 * SQL building blocks for tenant tables, used by migrations so every tenant table gets
 * the same isolation: RLS enabled and forced, one policy reading the transaction's tenant.
 */

/** The role the application's login role is a member of; granted privileges by migrations. */
export const RUNTIME_ROLE = 'mentorship_runtime';

export function enableTenantIsolation(table: string, column = 'organization_id'): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table}
       USING (${column} = current_organization_id())
       WITH CHECK (${column} = current_organization_id())`,
  ];
}

export function grantToRuntime(table: string, privileges: string): string {
  return `GRANT ${privileges} ON ${table} TO ${RUNTIME_ROLE}`;
}
