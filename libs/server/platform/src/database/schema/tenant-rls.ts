import { RUNTIME_ROLE } from './database-roles';

/**
 * SQL building blocks that every context's migrations use, so every tenant table gets the
 * same isolation: row-level security enabled and forced (the owner too), and one policy that
 * reads the transaction's tenant for reads (USING) and writes (WITH CHECK).
 */
export function enableTenantRls(table: string, options: { tenantColumn?: string } = {}): string[] {
  const column = options.tenantColumn ?? 'organization_id';
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table}
       USING (${column} = current_organization_id())
       WITH CHECK (${column} = current_organization_id())`,
  ];
}

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** What the application may do with a table; anything not granted here it cannot do. */
export function grantToRuntime(table: string, privileges: readonly TablePrivilege[]): string {
  return `GRANT ${privileges.join(', ')} ON ${table} TO ${RUNTIME_ROLE}`;
}

/** Lets the application call a function, e.g. `current_organization_id()`. */
export function grantExecuteToRuntime(functionSignature: string): string {
  return `GRANT EXECUTE ON FUNCTION ${functionSignature} TO ${RUNTIME_ROLE}`;
}

/** `ARRAY['a','b']::text[]` from constants, for CHECK constraints on enumerated values. */
export function sqlTextArray(values: readonly string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}
