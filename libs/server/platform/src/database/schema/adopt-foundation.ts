import type { DataSource } from 'typeorm';
import type { MigrationClass } from './context-migrations';

/**
 * Before each context owned its schema, one platform migration created every table that the
 * migrations up to `coveredUpTo` create now, the same schema to the letter. A database migrated
 * back then is adopted: those migrations are recorded as applied instead of run again, and the
 * old entry goes. (Remove once no database of that time is left.)
 */
const FOUNDATION = { name: 'Foundation1763770000000', coveredUpTo: 1763770000400 };

export async function adoptFoundation(
  dataSource: DataSource,
  migrations: readonly MigrationClass[],
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const [table] = await manager.query(`SELECT to_regclass('migrations') AS name`);
    if (!table?.name) return;
    const found = await manager.query(`SELECT 1 FROM migrations WHERE name = $1`, [FOUNDATION.name]);
    if (found.length === 0) return;
    for (const migration of migrations) {
      const name = new migration().name ?? migration.name;
      const timestamp = Number(/(\d{13})$/.exec(name)?.[1]);
      if (timestamp > FOUNDATION.coveredUpTo) continue;
      await manager.query(`INSERT INTO migrations (timestamp, name) VALUES ($1, $2)`, [timestamp, name]);
    }
    await manager.query(`DELETE FROM migrations WHERE name = $1`, [FOUNDATION.name]);
  });
}
