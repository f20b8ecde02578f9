import { escapeIdentifier, escapeLiteral } from 'pg';

/** Rows to insert into `table` when the tenant's transaction commits, keyed by column name. */
export interface CommitWrite {
  table: string;
  row: Record<string, unknown>;
}

/**
 * One INSERT per table for the rows kept for the COMMIT. They travel with it in one simple
 * query, which cannot carry bind parameters: the rows go as one JSON literal (escaped by the
 * pg driver) that `jsonb_populate_recordset` turns back into typed rows of the table.
 */
export function commitWritesSql(writes: readonly CommitWrite[]): string {
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const write of writes) byTable.set(write.table, [...(byTable.get(write.table) ?? []), write.row]);
  return [...byTable]
    .map(([table, rows]) => {
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map(escapeIdentifier).join(', ');
      const name = escapeIdentifier(table);
      return `INSERT INTO ${name} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${name}, ${escapeLiteral(JSON.stringify(rows))})`;
    })
    .join(';\n');
}
