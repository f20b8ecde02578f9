import { DataSource } from 'typeorm';
import { adoptFoundation } from './schema/adopt-foundation';
import { collectMigrations, type NamedMigrations } from './schema/context-migrations';
import { PLATFORM_MIGRATIONS } from './schema/migrations';

/** The platform's migrations first, then those of every given context. */
export function withPlatformMigrations(contexts: readonly NamedMigrations[]): NamedMigrations[] {
  return [PLATFORM_MIGRATIONS, ...contexts];
}

/** Applies pending migrations (the platform's and the contexts'), as the owner role; returns the names applied. */
export async function runMigrations(
  ownerUrl: string,
  contexts: readonly NamedMigrations[],
): Promise<string[]> {
  const migrations = collectMigrations(withPlatformMigrations(contexts));
  const dataSource = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations,
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    await adoptFoundation(dataSource, migrations);
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
